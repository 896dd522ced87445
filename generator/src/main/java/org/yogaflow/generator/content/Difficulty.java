package org.yogaflow.generator.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How demanding a pose or sequence is. Ordered from easiest. */
public enum Difficulty {
    BEGINNER, INTERMEDIATE, ADVANCED;

    // Made once: every card, page, catalog entry and search document asks for them.
    private final String slug = name().toLowerCase(Locale.ROOT);
    private final String label = name().charAt(0) + slug.substring(1);

    public static final Map<String, Difficulty> BY_SLUG;

    static {
        Map<String, Difficulty> map = new LinkedHashMap<>();
        for (Difficulty d : values()) map.put(d.slug(), d);
        BY_SLUG = Collections.unmodifiableMap(map);
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }
}
