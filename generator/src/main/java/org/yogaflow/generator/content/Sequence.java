package org.yogaflow.generator.content;

import java.util.List;

/**
 * A class plan, read from {@code content/sequences/<slug>.yaml}.
 *
 * @param minutes           the declared length, as advertised to readers
 * @param transitionSeconds time allowed to move between two consecutive holds
 */
public record Sequence(
        String slug,
        String title,
        Difficulty difficulty,
        int minutes,
        String audience,
        List<String> benefits,
        String description,
        int transitionSeconds,
        List<Step> steps,
        boolean draft,
        Origin origin) {

    public static final int DEFAULT_TRANSITION_SECONDS = 5;

    /**
     * The computed length in seconds: every hold (sides and repeats expanded) plus one
     * transition between each two consecutive holds.
     */
    public int computedSeconds() {
        int holds = steps.stream().mapToInt(Step::holds).sum();
        int holdSeconds = steps.stream().mapToInt(Step::holdSeconds).sum();
        return holdSeconds + Math.max(0, holds - 1) * transitionSeconds;
    }

    /** This sequence without its origin: what it says, not where it was written. */
    public Sequence withoutOrigin() {
        return new Sequence(slug, title, difficulty, minutes, audience, benefits, description, transitionSeconds, steps,
                draft, null);
    }
}
