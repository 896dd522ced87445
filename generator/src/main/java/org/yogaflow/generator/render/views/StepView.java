package org.yogaflow.generator.render.views;

import org.yogaflow.generator.content.Step;

/**
 * One step as a sequence page shows it.
 *
 * @param total human-readable time the step takes, sides and repeats included
 */
public record StepView(int number, Step step, PoseCard pose, String sideLabel, String total) {}
