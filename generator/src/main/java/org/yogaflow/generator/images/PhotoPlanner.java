package org.yogaflow.generator.images;

import com.sksamuel.scrimage.metadata.ImageMetadata;
import com.sksamuel.scrimage.metadata.Orientation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yogaflow.generator.cache.FileHashes;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.render.Permalinks;

/**
 * Plans each pose's photo before any page is rendered: the renditions' widths, heights and
 * content-derived names, so templates can write {@code srcset}, {@code width} and
 * {@code height}. Encoding happens in the images stage.
 */
public final class PhotoPlanner {

    /** EXIF orientations that turn the picture on its side. */
    private static final Set<Orientation> SIDEWAYS = EnumSet.of(Orientation.Ninety, Orientation.NinetyMirrored,
            Orientation.TwoSeventy, Orientation.TwoSeventyMirrored);

    private PhotoPlanner() {}

    /**
     * The plan for a pose's photo, or empty when it has none. Validation has already checked
     * that the file is a readable image; one that changed since fails the build.
     */
    public static Optional<PhotoPlan> plan(Library library, Pose pose, Permalinks links, FileHashes hashes,
            int quality) {
        if (pose.photo() == null) return Optional.empty();
        Path source = library.photoFile(pose.photo());
        ImageInfo.Size size = orientedSize(source);
        String hash = hashes.hash(source);
        List<Rendition> renditions = new ArrayList<>();
        for (int width : Renditions.widthsFor(size.width())) {
            String sitePath = "images/" + pose.slug() + "-" + width + "." + Renditions.key(hash, width, quality) + ".webp";
            renditions.add(new Rendition(width, Renditions.heightFor(width, size.width(), size.height()),
                    sitePath, links.url(sitePath)));
        }
        Photo photo = new Photo(pose.photoAlt(), size.width(), size.height(), renditions);
        return Optional.of(new PhotoPlan(pose.slug(), source, hash, quality, pose.origin().at("photo"), photo));
    }

    /** The size as the picture is meant to be seen: a portrait shot stored sideways has its sides swapped. */
    static ImageInfo.Size orientedSize(Path source) {
        ImageInfo.Size size = ImageInfo.size(source)
                .orElseThrow(() -> new IllegalStateException("photo " + source + " changed during the build and cannot be read"));
        try {
            Optional<Orientation> orientation = ImageMetadata.fromPath(source).getOrientation();
            if (orientation.isPresent() && SIDEWAYS.contains(orientation.get())) {
                return new ImageInfo.Size(size.height(), size.width());
            }
        } catch (IOException | RuntimeException e) {
            // No readable metadata: the picture is shown as stored, which is also how it decodes.
        }
        return size;
    }
}
