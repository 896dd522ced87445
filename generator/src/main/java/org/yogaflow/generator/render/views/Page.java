package org.yogaflow.generator.render.views;

/**
 * Per-page metadata for the layout.
 *
 * @param path       the site path, e.g. {@code poses/tree/}, for the canonical URL and nav state
 * @param section    which top-level navigation entry is current: home, poses or sequences
 */
public record Page(String title, String description, String path, String canonical, String section) {}
