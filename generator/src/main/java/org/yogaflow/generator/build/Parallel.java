package org.yogaflow.generator.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs independent work items on all cores and waits for every one of them before returning
 * or throwing. Each worker takes the next item from a shared counter, so a few large items
 * (the library page) do not leave a core idle, as a parallel stream's fixed chunks would, and
 * no task object or queue hand-off is paid per item. Unlike a parallel stream, a failure is
 * rethrown only after all items stopped, so a failed build never deletes its staging folder
 * while another thread is still writing into it.
 */
public final class Parallel {

    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private Parallel() {}

    /** A task's result, computed on this thread if no other thread started it; rethrows its failure. */
    public static <T> T result(FutureTask<T> task) {
        task.run(); // does nothing when it ran or runs already
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Applies {@code work} to every item in parallel; results keep the items' order, nulls dropped. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        int threads = Math.min(THREADS, items.size());
        if (threads <= 1) {
            return items.stream().map(work).filter(Objects::nonNull).toList();
        }
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < results.length; ) {
                try {
                    results[i] = work.apply(items.get(i));
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                }
            }
        };
        List<Thread> workers = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            workers.add(Thread.ofPlatform().name("yogaflow-worker-" + t).start(worker));
        }
        worker.run(); // the calling thread is one of the workers
        for (Thread thread : workers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            RuntimeException failure = first instanceof RuntimeException r ? r : new IllegalStateException(first);
            failures.subList(1, failures.size()).forEach(failure::addSuppressed);
            throw failure;
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.stream(results).filter(Objects::nonNull).toList();
        return list;
    }
}
