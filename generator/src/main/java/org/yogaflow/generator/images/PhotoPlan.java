package org.yogaflow.generator.images;

import java.nio.file.Path;

/** One pose's photo to publish: the source file, and the published photo (named by content hash) pages show. */
public record PhotoPlan(String slug, Path source, Photo photo) {}
