package org.yogaflow.generator.content;

/** A pose's comfortable hold, in seconds; sequences that hold it outside get a warning. */
public record HoldRange(int min, int max) {
    public static final HoldRange DEFAULT = new HoldRange(15, 60);

    public boolean contains(int seconds) {
        return seconds >= min && seconds <= max;
    }
}
