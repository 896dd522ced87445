package org.yogaflow.generator.publish;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staging folder a build writes into. Paths are site paths with forward slashes; writing
 * the same path twice is a bug in the generator and fails loudly. Thread-safe.
 *
 * <p>An incremental build starts from a staging folder that already holds the previous site
 * (as hard links shared with the published one, see {@link Publisher}). Such a tree
 * {@linkplain #keep keeps} a file whose inputs did not change, and replaces the others by
 * deleting before writing, so that a shared file is never written through.
 */
public final class OutputTree {

    /** An output kept from the previous build, or written by this one: its signature and size. */
    public record Output(String signature, long size) {}

    private final Path root;
    private final Map<String, Output> previous;
    private final boolean reused;
    private final Map<String, Output> outputs = new ConcurrentHashMap<>();
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Set<String> kept = ConcurrentHashMap.newKeySet();

    /** An empty staging folder. */
    public OutputTree(Path root) {
        this(root, Map.of());
    }

    /**
     * @param previous the outputs that {@code root} already holds, from the previous build
     */
    public OutputTree(Path root, Map<String, Output> previous) {
        this.root = root;
        this.previous = previous;
        this.reused = !previous.isEmpty();
    }

    public Path root() {
        return root;
    }

    /**
     * Keeps {@code sitePath} from the previous build when it was made from the same inputs
     * ({@code signature}), and records the signature for the next build. False means the
     * caller must write it.
     */
    public boolean keep(String sitePath, String signature) {
        Output before = previous.get(sitePath);
        if (before == null || !before.signature().equals(signature)) {
            outputs.put(sitePath, new Output(signature, -1));
            return false;
        }
        claim(sitePath);
        kept.add(sitePath);
        outputs.put(sitePath, before);
        return true;
    }

    /**
     * Keeps the previous build's file with its signature, when the folder holds it: for an output
     * whose inputs are known to be those it was made from. False when the folder does not hold it.
     */
    public boolean keepAsBefore(String sitePath) {
        Output before = previous.get(sitePath);
        return before != null && keep(sitePath, before.signature());
    }

    /** Whether the folder holds {@code sitePath} as the previous build made it from inputs of {@code signature}. */
    public boolean has(String sitePath, String signature) {
        Output before = previous.get(sitePath);
        return before != null && before.signature().equals(signature);
    }

    public void write(String sitePath, String text) {
        write(sitePath, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String sitePath, byte[] bytes) {
        try {
            Files.write(prepare(sitePath), bytes);
            record(sitePath, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sitePath, e);
        }
    }

    /** What writes a text file's content; it gets a buffered UTF-8 writer. */
    @FunctionalInterface
    public interface TextWriter {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes a text file (a rendered page) that {@code content} writes as characters. The text is
     * gathered in memory and encoded in one go: pages are small, and one encode and one write
     * cost far less than streaming a template's many little strings through an encoder.
     */
    public void write(String sitePath, TextWriter content) {
        TextBuffer buffer = BUFFERS.get();
        buffer.text.setLength(0);
        try {
            content.writeTo(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sitePath, e); // a TextBuffer does not fail
        }
        write(sitePath, buffer.text.toString());
        if (buffer.text.capacity() > MAX_KEPT_BUFFER) BUFFERS.remove(); // the library page: do not keep megabytes per thread
    }

    /** What writes a file's bytes. */
    @FunctionalInterface
    public interface ByteWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file of megabytes (the catalog, the library page) as it is made, rather than
     * holding it in memory whole: mostly copies of parts made earlier, already encoded.
     */
    public void writeLarge(String sitePath, ByteWriter content) {
        try {
            Path target = prepare(sitePath);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                content.writeTo(out);
            }
            record(sitePath, Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sitePath, e);
        }
    }

    /** The same for text (the library page): each string written is encoded at once, in one go. */
    public void writeLargeText(String sitePath, TextWriter content) {
        writeLarge(sitePath, out -> {
            Utf8Writer writer = new Utf8Writer(out);
            content.writeTo(writer);
            writer.close();
        });
    }

    /**
     * Encodes each string written to UTF-8 with {@link String#getBytes}, far faster than a
     * stream encoder's character loop for long strings (cards). A surrogate pair split between
     * two writes is joined first.
     */
    private static final class Utf8Writer extends Writer {
        private final OutputStream out;
        private char pendingHigh;

        Utf8Writer(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            if (length == 0) return;
            if (pendingHigh != 0) {
                String joined = pendingHigh + s.substring(offset, offset + 1);
                pendingHigh = 0;
                out.write(joined.getBytes(StandardCharsets.UTF_8));
                offset++;
                length--;
                if (length == 0) return;
            }
            int end = offset + length;
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                pendingHigh = s.charAt(end - 1);
                end--;
            }
            out.write((offset == 0 && end == s.length() ? s : s.substring(offset, end)).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(String s) throws IOException {
            write(s, 0, s.length());
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            write(new String(chars, offset, length));
        }

        @Override
        public void write(int c) throws IOException {
            write(String.valueOf((char) c));
        }

        @Override
        public void flush() {}

        @Override
        public void close() throws IOException {
            // A lone surrogate at the end: written as getBytes writes one.
            if (pendingHigh != 0) out.write(String.valueOf(pendingHigh).getBytes(StandardCharsets.UTF_8));
            pendingHigh = 0;
        }
    }

    private static final int MAX_KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<TextBuffer> BUFFERS = ThreadLocal.withInitial(TextBuffer::new);

    /** An unsynchronized StringWriter. */
    private static final class TextBuffer extends Writer {
        final StringBuilder text = new StringBuilder(1 << 14);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public Writer append(CharSequence s) {
            text.append(s);
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    public void copy(Path source, String sitePath) {
        try {
            Path target = prepare(sitePath);
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            record(sitePath, Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + sitePath, e);
        }
    }

    /** The outputs this build wrote (rather than kept from the previous build). */
    public Set<String> rewritten() {
        Set<String> paths = new TreeSet<>();
        for (String path : written) {
            if (!kept.contains(path)) paths.add(path);
        }
        return paths;
    }

    public int fileCount() {
        return written.size();
    }

    /** Every output of this build, kept or written, with its signature and size. */
    public Map<String, Output> outputs() {
        return Map.copyOf(outputs);
    }

    /** The previous build's outputs this build did not produce: pages of deleted poses and the like. */
    public Set<String> leftovers() {
        Set<String> gone = new TreeSet<>();
        for (String path : previous.keySet()) {
            if (!written.contains(path)) gone.add(path);
        }
        return gone;
    }

    private void record(String sitePath, long size) {
        Output known = outputs.get(sitePath);
        // Outputs without a signature (assets, photos, robots.txt) are named or made so that
        // their path and size say enough: the signature is the path itself.
        outputs.put(sitePath, new Output(known == null ? "=" + sitePath : known.signature(), size));
    }

    private void claim(String sitePath) {
        if (!written.add(sitePath)) {
            throw new IllegalStateException("two outputs want the same file: " + sitePath);
        }
    }

    private Path prepare(String sitePath) throws IOException {
        claim(sitePath);
        Path target = root.resolve(sitePath).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("output path escapes the site: " + sitePath);
        }
        if (reused) {
            // Never write through a hard link shared with the published site: replace the file.
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
        } else {
            Files.createDirectories(target.getParent());
        }
        return target;
    }
}
