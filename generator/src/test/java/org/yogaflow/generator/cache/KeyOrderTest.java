package org.yogaflow.generator.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

    private static final Map<String, Integer> MAP = new HashMap<>(Map.of("b", 2, "a", 1, "c", 3, "a-b", 4));

    @Test
    void aMapComesInKeyOrderWhateverTheOrderItWasGivenIn() {
        List<String> sorted = List.of("a", "a-b", "b", "c");
        assertEquals(sorted, List.copyOf(KeyOrder.sorted(MAP, null).keySet()));
        assertEquals(sorted, List.copyOf(KeyOrder.sorted(MAP, sorted).keySet()), "the last order, same keys");
        assertEquals(sorted, List.copyOf(KeyOrder.sorted(MAP, List.of("c", "b", "a-b", "a")).keySet()), "not in order: sorted");
        assertEquals(sorted, List.copyOf(KeyOrder.sorted(MAP, List.of("a", "b", "c", "d")).keySet()), "other keys: sorted");
        assertEquals(2, KeyOrder.sorted(MAP, sorted).get("b"));
    }
}
