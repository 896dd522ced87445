package org.yogaflow.generator.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staging folder a build writes into. Paths are site paths with forward slashes; writing
 * the same path twice is a bug in the generator and fails loudly. Thread-safe.
 */
public final class OutputTree {

    private final Path root;
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    public OutputTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public void write(String sitePath, String text) {
        write(sitePath, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String sitePath, byte[] bytes) {
        try {
            Files.write(prepare(sitePath), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sitePath, e);
        }
    }

    /** What writes a text file's content; it gets a buffered UTF-8 writer. */
    @FunctionalInterface
    public interface TextWriter {
        void writeTo(Writer out) throws IOException;
    }

    /** Streams a text file (a rendered page) straight to disk, without building it in memory first. */
    public void write(String sitePath, TextWriter content) {
        try (Writer out = Files.newBufferedWriter(prepare(sitePath), StandardCharsets.UTF_8)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sitePath, e);
        }
    }

    public void copy(Path source, String sitePath) {
        try {
            Files.copy(source, prepare(sitePath), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + sitePath, e);
        }
    }

    public int fileCount() {
        return written.size();
    }

    private Path prepare(String sitePath) throws IOException {
        if (!written.add(sitePath)) {
            throw new IllegalStateException("two outputs want the same file: " + sitePath);
        }
        Path target = root.resolve(sitePath).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("output path escapes the site: " + sitePath);
        }
        Files.createDirectories(target.getParent());
        return target;
    }
}
