package org.yogaflow.generator.render.views;

import java.util.List;

/**
 * One line of a sequence's safety summary: a family of conditions (e.g. "Knees and hips"),
 * the conditions the poses list, and the names of the poses that carry them.
 */
public record Caution(String group, List<String> conditions, List<String> poses) {}
