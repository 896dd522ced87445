package org.yogaflow.generator.cache;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps in the order of their keys (slugs, site paths) without sorting them again and again: a
 * long-running process rebuilds after an edit with the same ten thousand keys as last time.
 */
public final class KeyOrder {

    private KeyOrder() {}

    /**
     * {@code map} as a map iterating in key order: in the order of {@code previous} (keys in
     * order, as the last build had them) when it holds the same keys, which costs no sorting;
     * sorted otherwise.
     */
    public static <V> Map<String, V> sorted(Map<String, V> map, Collection<String> previous) {
        Map<String, V> ordered = new LinkedHashMap<>();
        if (previous != null && previous.size() == map.size() && map.keySet().containsAll(previous) && isSorted(previous)) {
            for (String key : previous) ordered.put(key, map.get(key));
        } else {
            ordered.putAll(new TreeMap<>(map));
        }
        return ordered;
    }

    /** Whether {@code keys} are in ascending order. */
    public static boolean isSorted(Iterable<String> keys) {
        String last = null;
        for (String key : keys) {
            if (last != null && last.compareTo(key) >= 0) return false;
            last = key;
        }
        return true;
    }
}
