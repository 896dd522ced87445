package org.yogaflow.generator.content;

/** Human-readable lengths of time, as shown on pages and in messages. */
public final class Durations {

    private Durations() {}

    /** "45 s", "2 min", "17 min 30 s". */
    public static String format(int seconds) {
        int minutes = seconds / 60;
        int rest = seconds % 60;
        if (minutes == 0) return rest + " s";
        return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
    }

    /** ISO 8601 duration for {@code <time datetime>}: "PT17M30S". */
    public static String iso(int seconds) {
        int minutes = seconds / 60;
        int rest = seconds % 60;
        return "PT" + (minutes > 0 ? minutes + "M" : "") + (rest > 0 || minutes == 0 ? rest + "S" : "");
    }
}
