package org.yogaflow.generator.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of source files, remembered by path, size and modification time, the way Git's index
 * does it: a photo that has not been touched is not read again to learn that it did not change.
 * A file whose time is too close to when it was hashed is hashed again next time (it may have
 * changed within the same clock tick). Thread-safe.
 */
public final class FileHashes {

    private record Entry(long size, long modified, String hash) {}

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Entry> used = new ConcurrentHashMap<>();

    private FileHashes(Path file) {
        this.file = file;
    }

    /** Loads the remembered hashes ({@code file} may be missing or damaged: then nothing is remembered). */
    public static FileHashes load(Path file) {
        FileHashes hashes = new FileHashes(file);
        if (file == null || !Files.isRegularFile(file)) return hashes;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 4 && f[3].length() == 64) {
                    hashes.entries.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
                }
            }
        } catch (IOException | RuntimeException e) {
            hashes.entries.clear(); // a damaged memo only costs re-hashing
        }
        return hashes;
    }

    /** An in-memory memo that is never saved. */
    public static FileHashes none() {
        return new FileHashes(null);
    }

    /** The SHA-256 of the file's bytes, hex. */
    public String hash(Path source) {
        try {
            String key = source.toAbsolutePath().normalize().toString();
            BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            Entry known = entries.get(key);
            if (known == null || known.size() != size || known.modified() != modified) {
                known = new Entry(size, modified, sha256(Files.readAllBytes(source)));
                // Modified within the last two seconds: it may change again within the same tick.
                if (System.currentTimeMillis() - modified < 2000) known = new Entry(size, -1, known.hash());
                entries.put(key, known);
            }
            used.put(key, known);
            return known.hash();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Saves the hashes of the files used since loading (atomically; a failure only loses the memo). */
    public void save() {
        if (file == null) return;
        List<String> lines = new ArrayList<>();
        used.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                lines.add(e.getKey() + "\t" + e.getValue().size() + "\t" + e.getValue().modified() + "\t" + e.getValue().hash()));
        try {
            AtomicWrite.write(file, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The memo is an optimisation; the next build hashes again.
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
