package org.yogaflow.generator.images;

import java.nio.file.Path;
import org.yogaflow.generator.diag.Position;

/**
 * One pose's photo to publish: the source file, the SHA-256 of its bytes (hex), the WebP quality, where the pose
 * names it (for errors) and the photo pages show. The renditions are made in the images stage,
 * or taken from the cache.
 */
public record PhotoPlan(String slug, Path source, String sourceHash, int quality, Position at, Photo photo) {

    /** The cache key of the rendition {@code width} pixels wide. */
    public String key(int width) {
        return Renditions.key(sourceHash, width, quality);
    }
}
