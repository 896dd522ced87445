package org.yogaflow.generator.images;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pose's photo as templates use it: its WebP renditions (narrowest first), the source's size
 * as displayed (after EXIF rotation) and the alt text.
 */
public record Photo(String alt, int width, int height, List<Rendition> renditions) {

    public Photo {
        renditions = List.copyOf(renditions);
        if (renditions.isEmpty()) throw new IllegalArgumentException("a photo needs at least one rendition");
    }

    /** The widest rendition not wider than {@code maxWidth} (the narrowest if all are wider): the {@code src}. Templates pass numbers as longs. */
    public Rendition upTo(long maxWidth) {
        Rendition best = renditions.get(0);
        for (Rendition r : renditions) {
            if (r.width() <= maxWidth) best = r;
        }
        return best;
    }

    /** A {@code srcset} of every rendition up to {@code maxWidth}: "…-200.….webp 200w, …-600.….webp 600w". */
    public String srcset(long maxWidth) {
        return renditions.stream().filter(r -> r.width() <= Math.max(maxWidth, renditions.get(0).width()))
                .map(r -> r.url() + " " + r.width() + "w").collect(Collectors.joining(", "));
    }
}
