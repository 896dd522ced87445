package org.yogaflow.generator.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.publish.Fingerprint;
import org.yogaflow.generator.render.Permalinks;

/**
 * Plans each pose's photo: its fingerprinted name and pixel size, before any page is rendered,
 * so templates can write {@code width} and {@code height}. Copying happens in the images stage.
 */
public final class PhotoPlanner {

    private PhotoPlanner() {}

    /**
     * The plan for a pose's photo, or empty when it has none. Validation has already checked
     * that the file is a readable image; one that changed since fails the build.
     */
    public static Optional<PhotoPlan> plan(Library library, Pose pose, Permalinks links) {
        if (pose.photo() == null) return Optional.empty();
        Path source = library.photoFile(pose.photo());
        ImageInfo.Size size = ImageInfo.size(source)
                .orElseThrow(() -> new IllegalStateException("photo " + source + " changed during the build and cannot be read"));
        try {
            String name = pose.photo().substring(pose.photo().lastIndexOf('/') + 1);
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
            String sitePath = "images/" + pose.slug() + "." + Fingerprint.of(Files.readAllBytes(source)) + extension;
            Photo photo = new Photo(sitePath, links.url(sitePath), size.width(), size.height(), pose.photoAlt());
            return Optional.of(new PhotoPlan(pose.slug(), source, photo));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
