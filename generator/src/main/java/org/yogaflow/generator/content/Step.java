package org.yogaflow.generator.content;

/** One step of a sequence: hold {@code pose} for {@code hold} seconds, per side, {@code repeat} times. */
public record Step(String pose, int hold, Side side, int repeat, String transition, String cue) {

    /** How many separate holds this step expands to (sides times repeats). */
    public int holds() {
        return side.holds() * repeat;
    }

    public int holdSeconds() {
        return hold * holds();
    }
}
