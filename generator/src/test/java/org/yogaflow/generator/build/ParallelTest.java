package org.yogaflow.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void keepsTheItemsOrderAndDropsNulls() {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        List<Integer> odd = Parallel.map(items, i -> i % 2 == 1 ? i : null);
        assertEquals(IntStream.range(0, 1000).filter(i -> i % 2 == 1).boxed().toList(), odd);
    }

    @Test
    void aFailureIsThrownOnlyAfterEveryItemRan() {
        AtomicInteger ran = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.map(items, i -> {
            ran.incrementAndGet();
            if (i % 50 == 0) throw new IllegalStateException("item " + i);
            return i;
        }));
        assertEquals(200, ran.get());
        assertEquals(3, e.getSuppressed().length);
    }
}
