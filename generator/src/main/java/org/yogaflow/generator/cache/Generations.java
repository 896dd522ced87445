package org.yogaflow.generator.cache;

import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values a long-running process made in its last build, looked up by the next one: each build
 * takes what it finds and makes the rest, and only what it used is kept for the build after it
 * (so nothing piles up). Keys say what a value is made of ({@link Same} for the very same pose).
 */
public final class Generations<K, V> {

    private final IntFunction<Map<K, V>> newMap;
    private Map<K, V> last = Map.of();
    private Map<K, V> now;

    /** @param newMap a new map for a generation, given the size of the last one */
    public Generations(IntFunction<Map<K, V>> newMap) {
        this.newMap = newMap;
        this.now = newMap.apply(0);
    }

    /** Starts a new build; {@code keep} false drops what the last one made. */
    public void next(boolean keep) {
        last = keep ? now : Map.of();
        now = newMap.apply(last.size());
    }

    /** The value of {@code key} from the last build, or made now; kept for the next build either way. */
    public V get(K key, Supplier<? extends V> make) {
        V value = last.get(key);
        if (value == null) value = make.get();
        now.put(key, value);
        return value;
    }

    /** The same, taking the last build's value only when it is {@code usable}. */
    public V get(K key, Predicate<? super V> usable, Supplier<? extends V> make) {
        V value = last.get(key);
        if (value == null || !usable.test(value)) value = make.get();
        now.put(key, value);
        return value;
    }
}
