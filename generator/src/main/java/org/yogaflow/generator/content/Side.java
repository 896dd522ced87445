package org.yogaflow.generator.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which side a step is held on; {@code BOTH} means the hold is done once per side.
 * {@code NONE} is a symmetric pose (no 'side' written) and cannot be written explicitly.
 */
public enum Side {
    BOTH(2), LEFT(1), RIGHT(1), NONE(1);

    public static final Map<String, Side> BY_SLUG;

    static {
        Map<String, Side> map = new LinkedHashMap<>();
        for (Side s : new Side[] {BOTH, LEFT, RIGHT}) map.put(s.slug(), s);
        BY_SLUG = Collections.unmodifiableMap(map);
    }

    private final int holds;
    private final String slug = name().toLowerCase(Locale.ROOT);

    Side(int holds) {
        this.holds = holds;
    }

    /** How many times the hold is done: twice for both sides. */
    public int holds() {
        return holds;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return switch (this) {
            case BOTH -> "Each side";
            case LEFT -> "Left side";
            case RIGHT -> "Right side";
            case NONE -> "";
        };
    }
}
