package org.yogaflow.generator.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Position;
import org.yogaflow.generator.diag.Suggest;
import org.yogaflow.generator.images.ImageInfo;
import org.yogaflow.generator.images.ImageType;
import org.yogaflow.generator.images.PhotoSettings;

/** A pose's photo must be a complete JPEG, PNG or WebP file inside {@code content/photos/}, within the limits. */
final class PhotoRules {

    private PhotoRules() {}

    static void check(Library library, PhotoSettings settings, Diagnostics diagnostics) {
        Path photoDir = library.contentDir().resolve("photos").normalize();
        for (Pose pose : library.poses().values()) {
            String photo = pose.photo();
            if (photo == null) continue;
            Path file = library.photoFile(photo).normalize();
            Position at = pose.origin().at("photo");
            if (!file.startsWith(photoDir) || photo.startsWith("/")) {
                diagnostics.error(at, "photo '" + photo + "' is outside content/photos/",
                        "write the file name relative to content/photos/, e.g. 'photo: tree.jpg'");
                continue;
            }
            if (!library.photos().contains(photo)) {
                diagnostics.error(at, "photo '" + photo + "' not found in content/photos/",
                        Suggest.closest(photo, library.photos()).map(s -> "did you mean '" + s + "'?")
                                .orElse("add the file to content/photos/, or fix the name (it is case-sensitive)"));
                continue;
            }
            String where = library.contentDir().getFileName() + "/photos/" + photo;
            Optional<ImageType> type = ImageType.of(file);
            long bytes = size(file);
            if (type.isEmpty()) {
                diagnostics.error(at, where + ": unsupported image type (" + describe(file) + ")",
                        "export the photo as JPEG, PNG or WebP");
            } else if (bytes > settings.maxBytes()) {
                diagnostics.error(at, where + ": the file is too large (" + megabytes(bytes) + ", at most "
                        + megabytes(settings.maxBytes()) + ")", "export it smaller, e.g. 2400 px wide at JPEG quality 85,"
                        + " or raise the limit with --max-photo-mb");
            } else if (ImageInfo.size(file).isEmpty() || !type.get().isComplete(file)) {
                diagnostics.error(at, where + ": cannot be read: the file is corrupt or truncated",
                        "export the photo again as JPEG, PNG or WebP");
            } else {
                ImageInfo.Size size = ImageInfo.size(file).get();
                if ((long) size.width() * size.height() > settings.maxPixels()) {
                    diagnostics.error(at, where + ": the image is too large (" + size.width() + "×" + size.height()
                            + " pixels, at most " + settings.maxPixels() / 1_000_000 + " megapixels)",
                            "resize it to at most 2400 px on the long side before committing");
                }
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** Why the file is refused, from its name and its content, for the message. */
    private static String describe(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "jpg", "jpeg", "png", "webp" -> "named ." + extension + ", but its content is not JPEG, PNG or WebP";
            case "" -> "its content is not JPEG, PNG or WebP";
            default -> "." + extension + " files are not accepted";
        };
    }
}
