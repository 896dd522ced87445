package org.yogaflow.generator.images;

/**
 * One published WebP size of a photo.
 *
 * @param sitePath where it is in the output, e.g. {@code images/tree-600.3f2a9c01b7.webp}
 */
public record Rendition(int width, int height, String sitePath, String url) {}
