package org.yogaflow.generator.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Runs independent work items on all cores and waits for every one of them before returning
 * or throwing. A plain parallel stream rethrows the first failure while other items are still
 * running, which would let a failed build delete its staging folder under their feet.
 */
public final class Parallel {

    private Parallel() {}

    /** Applies {@code work} to every item in parallel; results keep the items' order. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        List<R> results = items.parallelStream().map(item -> {
            try {
                return work.apply(item);
            } catch (RuntimeException e) {
                failures.add(e);
                return null;
            }
        }).toList();
        if (!failures.isEmpty()) {
            RuntimeException first = failures.poll();
            failures.forEach(first::addSuppressed);
            throw first;
        }
        return new ArrayList<>(results.stream().filter(Objects::nonNull).toList());
    }
}
