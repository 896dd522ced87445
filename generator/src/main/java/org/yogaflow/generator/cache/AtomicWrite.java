package org.yogaflow.generator.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Cache files are written to a temporary file and renamed: a reader sees the old file or the new one, never half of one. */
public final class AtomicWrite {

    private AtomicWrite() {}

    /** What writes a text file's content, as UTF-8. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    /** What writes a binary file's content. */
    @FunctionalInterface
    public interface Binary {
        void writeTo(OutputStream out) throws IOException;
    }

    static void write(Path target, byte[] bytes) throws IOException {
        replace(target, temp -> Files.write(temp, bytes));
    }

    /** A binary file written as it is made. */
    public static void writeBinary(Path target, Binary content) throws IOException {
        replace(target, temp -> {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
        });
    }

    /** A text file written as it is made: a large one (the site manifest) is never held whole in memory. */
    public static void write(Path target, Text text) throws IOException {
        replace(target, temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                text.writeTo(out);
            }
        });
    }

    private interface Content {
        void writeTo(Path temp) throws IOException;
    }

    /** Writes {@code target}'s new content into a temporary file beside it, then moves that into place. */
    private static void replace(Path target, Content content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            content.writeTo(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp); // only left when the move failed
        }
    }
}
