package org.yogaflow.generator.images;

/**
 * A published photo as templates use it: URL, intrinsic size (to avoid layout shift) and alt text.
 *
 * @param sitePath where it is in the output, e.g. {@code images/tree.3f2a9c01b7.png}
 */
public record Photo(String sitePath, String url, int width, int height, String alt) {}
