package org.yogaflow.generator.images;

/**
 * What a source photo may weigh, and how its renditions are encoded. Bigger files are refused
 * before anything decodes them, so a huge or hostile file can neither stall the build nor
 * exhaust its memory.
 *
 * @param maxBytes  the largest file accepted (default 10 MB; {@code --max-photo-mb})
 * @param maxPixels the most pixels a photo may have: a small file can still decode to a vast
 *                  bitmap (default 50 megapixels, beyond any camera a studio uses)
 * @param quality   the WebP quality of the renditions, 1–100 (default 80; {@code --photo-quality})
 */
public record PhotoSettings(long maxBytes, long maxPixels, int quality) {

    public static final PhotoSettings DEFAULT =
            new PhotoSettings(10L * 1000 * 1000, 50L * 1000 * 1000, Renditions.DEFAULT_QUALITY);
}
