package org.yogaflow.generator.render.views;

/** A link to a sequence with what a reader needs to pick one: level and length. */
public record SequenceLink(String slug, String url, String title, String difficulty, String difficultyLabel,
        int minutes, String audience, int steps) {}
