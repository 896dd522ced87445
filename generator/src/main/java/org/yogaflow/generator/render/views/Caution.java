package org.yogaflow.generator.render.views;

import java.util.List;

/** A contraindication that applies to a sequence, and the names of the poses that carry it. */
public record Caution(String text, List<String> poses) {}
