package org.yogaflow.generator.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent work items on all cores and waits for every one of them before returning
 * or throwing. Each item is its own task, so a few large items (the library page) do not leave
 * a core idle, as a parallel stream's fixed chunks would; and unlike a parallel stream, a
 * failure is rethrown only after all items stopped, so a failed build never deletes its
 * staging folder while another thread is still writing into it.
 */
public final class Parallel {

    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private Parallel() {}

    /** Applies {@code work} to every item in parallel; results keep the items' order, nulls dropped. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        if (items.size() <= 1 || THREADS == 1) {
            return items.stream().map(work).filter(Objects::nonNull).toList();
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            RuntimeException failure = null;
            for (Future<R> future : futures) {
                try {
                    R result = future.get();
                    if (result != null) results.add(result);
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    if (failure == null) failure = cause; else failure.addSuppressed(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (failure != null) throw failure;
            return results;
        }
    }
}
