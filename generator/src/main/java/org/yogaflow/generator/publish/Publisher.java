package org.yogaflow.generator.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Publishes a finished staging folder in place of the output folder. Staging is a sibling of the
 * output, so both renames stay on one file system; the previous site is moved aside first and
 * deleted only after the new one is in place, and a crash between the two renames is repaired
 * by the next build. A failed build calls {@link #discard} and never touches the output.
 */
public final class Publisher {

    private final Path out;

    public Publisher(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    /** A fresh, empty staging folder beside the output. */
    public Path createStaging() {
        try {
            Path parent = out.getParent();
            Files.createDirectories(parent);
            recoverInterruptedSwap();
            // Staging folders left by a killed build are garbage; builds into one output do not overlap.
            try (var leftovers = Files.list(parent)) {
                leftovers.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".staging-"))
                        .forEach(Publisher::deleteTree);
            }
            return Files.createTempDirectory(parent, "." + out.getFileName() + ".staging-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + out, e);
        }
    }

    public void publish(Path staging) {
        Path previous = aside();
        try {
            if (Files.exists(out)) {
                Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new site into " + out, e);
        }
        deleteTree(previous);
    }

    public void discard(Path staging) {
        deleteTree(staging);
    }

    private Path aside() {
        return out.resolveSibling("." + out.getFileName() + ".previous");
    }

    /** If a build died between moving the old site aside and moving the new one in, restore the old. */
    private void recoverInterruptedSwap() throws IOException {
        Path previous = aside();
        if (Files.exists(previous)) {
            if (Files.exists(out)) {
                deleteTree(previous);
            } else {
                Files.move(previous, out, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) throw e;
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
