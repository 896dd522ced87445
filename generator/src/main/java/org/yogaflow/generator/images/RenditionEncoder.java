package org.yogaflow.generator.images;

import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.ScaleMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;

/**
 * Decodes a photo once with scrimage (turned upright by its EXIF orientation) and encodes WebP
 * renditions of it with scrimage-webp's cwebp, widest first, each scaled from the previous one.
 * Metadata is not carried over. Decoded
 * bitmaps are large (a 24-megapixel photo is ~100 MB), so a pixel budget shared by all threads
 * bounds how many are held at once.
 */
public final class RenditionEncoder {

    /** Pixels decoded at the same time, over all threads: ~256 MB of bitmaps. */
    private static final int PIXEL_BUDGET_MP = 64;
    private static final Semaphore BUDGET = new Semaphore(PIXEL_BUDGET_MP);

    private RenditionEncoder() {}

    /**
     * @param pixels the source's pixel count, from its header, to reserve memory for
     * @return width → WebP bytes
     * @throws IOException when the photo cannot be decoded or encoded
     */
    public static Map<Integer, byte[]> encode(Path source, long pixels, List<Integer> widths, int quality, Path cwebp)
            throws IOException {
        int permits = (int) Math.min(PIXEL_BUDGET_MP, Math.max(1, (pixels + 999_999) / 1_000_000));
        BUDGET.acquireUninterruptibly(permits);
        try {
            ImmutableImage image = ImmutableImage.loader().detectOrientation(true).fromPath(source);
            List<Integer> descending = new ArrayList<>(widths);
            descending.sort((a, b) -> b - a);
            Map<Integer, byte[]> out = new TreeMap<>();
            for (int width : descending) {
                if (image.width != width) {
                    image = image.scaleToWidth(width, ScaleMethod.Progressive);
                }
                out.put(width, Cwebp.encode(cwebp, image.awt(), quality, Renditions.METHOD));
            }
            return out;
        } catch (RuntimeException e) {
            // Decoders signal damaged data with all kinds of runtime exceptions.
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } finally {
            BUDGET.release(permits);
        }
    }
}
