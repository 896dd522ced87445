package org.yogaflow.generator.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.yogaflow.generator.build.Parallel;
import org.yogaflow.generator.build.Progress;
import org.yogaflow.generator.cache.RenditionCache;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.publish.OutputTree;

/**
 * Writes every planned rendition into the site: from the cache when an intact entry exists,
 * otherwise decoded and encoded (on all cores, within {@link RenditionEncoder}'s memory budget)
 * and cached. A photo that cannot be decoded is a content error naming the pose and the file.
 */
public final class ImageStage {

    /** What the stage did, for the summary line. */
    public record Stats(int sources, int renditions, int encoded, int cached, long millis) {

        public String summary() {
            return String.format(Locale.ROOT, "images: %d sources, %d renditions (%d encoded, %d cached) in %.1f s",
                    sources, renditions, encoded, cached, millis / 1000.0);
        }
    }

    private ImageStage() {}

    /** @param binDir where the WebP encoder is unpacked (in the cache folder) */
    public static Stats run(List<PhotoPlan> plans, OutputTree tree, RenditionCache cache, Path binDir,
            Diagnostics diagnostics, Progress progress) {
        long start = System.nanoTime();
        AtomicInteger encoded = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        // First what the site or the cache already has; then, with a progress bar, the encoding.
        Map<PhotoPlan, List<Rendition>> missing = new ConcurrentHashMap<>();
        Parallel.map(plans, plan -> {
            for (Rendition r : plan.photo().renditions()) {
                // The name carries the rendition's key: the same name is the same image.
                if (tree.keep(r.sitePath(), "=" + r.sitePath())) {
                    cache.retain(plan.key(r.width()));
                    cached.incrementAndGet();
                    continue;
                }
                var bytes = cache.get(plan.key(r.width()));
                if (bytes.isPresent()) {
                    tree.write(r.sitePath(), bytes.get());
                    cached.incrementAndGet();
                } else {
                    missing.computeIfAbsent(plan, p -> new CopyOnWriteArrayList<>()).add(r);
                }
            }
            return plan;
        });
        List<PhotoPlan> toEncode = plans.stream().filter(missing::containsKey).toList();
        Path cwebp;
        try {
            cwebp = toEncode.isEmpty() ? null : Cwebp.install(binDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the WebP encoder in " + binDir, e);
        }
        progress.start("photos", toEncode.size());
        Parallel.map(toEncode, plan -> {
            List<Rendition> renditions = missing.get(plan);
            try {
                ImageInfo.Size header = ImageInfo.size(plan.source()).orElseThrow(() -> new IOException("unreadable header"));
                Map<Integer, byte[]> made = RenditionEncoder.encode(plan.source(),
                        (long) header.width() * header.height(), renditions.stream().map(Rendition::width).toList(),
                        plan.quality(), cwebp);
                for (Rendition r : renditions) {
                    byte[] bytes = made.get(r.width());
                    cache.put(plan.key(r.width()), bytes);
                    tree.write(r.sitePath(), bytes);
                    encoded.incrementAndGet();
                }
            } catch (IOException e) {
                diagnostics.error(plan.at(), "photo '" + plan.source().getFileName() + "' cannot be decoded: "
                        + e.getMessage(), "open it in an image editor and export it again as JPEG or PNG");
            }
            progress.advance();
            return plan;
        });
        progress.finish();
        int renditions = plans.stream().mapToInt(p -> p.photo().renditions().size()).sum();
        return new Stats(plans.size(), renditions, encoded.get(), cached.get(), (System.nanoTime() - start) / 1_000_000);
    }
}
