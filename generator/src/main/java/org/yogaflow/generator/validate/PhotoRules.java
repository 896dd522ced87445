package org.yogaflow.generator.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Suggest;
import org.yogaflow.generator.images.ImageInfo;

/** A pose's photo must be a JPEG, PNG or WebP file inside {@code content/photos/}. */
final class PhotoRules {

    private PhotoRules() {}

    static void check(Library library, Diagnostics diagnostics) {
        Path photoDir = library.contentDir().resolve("photos").normalize();
        for (Pose pose : library.poses().values()) {
            String photo = pose.photo();
            if (photo == null) continue;
            Path file = library.photoFile(photo).normalize();
            if (!file.startsWith(photoDir) || photo.startsWith("/")) {
                diagnostics.error(pose.origin().at("photo"), "photo '" + photo + "' is outside content/photos/",
                        "write the file name relative to content/photos/, e.g. 'photo: tree.jpg'");
            } else if (!library.photos().contains(photo)) {
                diagnostics.error(pose.origin().at("photo"), "photo '" + photo + "' not found in content/photos/",
                        Suggest.closest(photo, library.photos()).map(s -> "did you mean '" + s + "'?")
                                .orElse("add the file to content/photos/, or fix the name (it is case-sensitive)"));
            } else if (ImageType.of(file).isEmpty()) {
                diagnostics.error(pose.origin().at("photo"), "photo '" + photo + "' is not a JPEG, PNG or WebP image",
                        "export the photo as JPEG or PNG");
            } else if (ImageInfo.size(file).isEmpty()) {
                diagnostics.error(pose.origin().at("photo"), "photo '" + photo
                        + "' cannot be read: the file is corrupt or truncated", "export the photo again as JPEG or PNG");
            }
        }
    }

    /** The image formats the site accepts, recognised by their first bytes, not their name. */
    enum ImageType {
        JPEG, PNG, WEBP;

        static Optional<ImageType> of(Path file) {
            byte[] head = new byte[12];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                return Optional.empty();
            }
            if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
                return Optional.of(JPEG);
            }
            if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
                return Optional.of(PNG);
            }
            if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                    && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
                return Optional.of(WEBP);
            }
            return Optional.empty();
        }
    }
}
