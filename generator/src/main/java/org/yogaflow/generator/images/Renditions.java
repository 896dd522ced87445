package org.yogaflow.generator.images;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Which renditions a photo gets, and how they are encoded. Everything that changes a
 * rendition's bytes is part of its {@link #key}: the source's hash, the width and these settings.
 */
public final class Renditions {

    /** Card thumbnails, cards on large screens and phones' pose pages, pose pages on large screens. */
    public static final List<Integer> WIDTHS = List.of(200, 600, 1200);
    /** cwebp's quality (0–100) unless the build sets another ({@code --photo-quality}). */
    public static final int DEFAULT_QUALITY = 80;
    /** cwebp's effort (0–6); 4 is its default balance of speed and size. */
    public static final int METHOD = 4;
    /** The encoder: scrimage-webp's bundled cwebp. Bump when it or the scaling changes. */
    public static final String ENCODER = "scrimage-4.3.5/libwebp-1.4.0/progressive-bilinear/1";

    private Renditions() {}

    /**
     * The widths for a source {@code width} pixels wide. Never upscaled: a photo narrower than
     * the largest width also gets one at its own width, so its page shows it at full quality.
     */
    public static List<Integer> widthsFor(int width) {
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w <= width) widths.add(w);
        }
        if (width < WIDTHS.get(WIDTHS.size() - 1) && !widths.contains(width)) widths.add(width);
        return widths;
    }

    /** The height of a rendition {@code width} wide of a {@code sourceWidth}×{@code sourceHeight} image. */
    public static int heightFor(int width, int sourceWidth, int sourceHeight) {
        return Math.max(1, (int) Math.round((double) sourceHeight * width / sourceWidth));
    }

    /** The cache key and name fingerprint of one rendition: 20 hex digits. */
    public static String key(String sourceHash, int width, int quality) {
        String spec = sourceHash + "|" + width + "|q" + quality + "|m" + METHOD + "|" + ENCODER;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(spec.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
