package org.yogaflow.generator.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yogaflow.generator.publish.Fingerprint;

/**
 * Encoded renditions kept between builds, by key (the source's hash and every encoding
 * parameter, see {@code Renditions.key}). Each entry's file name also carries the hash of its
 * own bytes, so a damaged entry is noticed, deleted and encoded again: never published.
 * Entries no build used are deleted by {@link #prune}. Thread-safe; safe to delete.
 */
public final class RenditionCache {

    private final Path dir;
    private final Map<String, String> files = new ConcurrentHashMap<>(); // key → file name
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    public RenditionCache(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.webp")) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    files.put(name.substring(0, name.indexOf('.')), name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the cache folder " + dir, e);
        }
    }

    /** The cached bytes of {@code key}, if present and intact. */
    public Optional<byte[]> get(String key) {
        used.add(key);
        String name = files.get(key);
        if (name == null) return Optional.empty();
        Path file = dir.resolve(name);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (name.equals(name(key, bytes)) && isWebp(bytes)) return Optional.of(bytes);
        } catch (IOException e) {
            // unreadable: treat as damaged
        }
        files.remove(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file is harmless: the next entry for the key gets the right name
        }
        return Optional.empty();
    }

    /** Marks an entry as still in use (its rendition is in the site already), so that {@link #prune} keeps it. */
    public void retain(String key) {
        used.add(key);
    }

    public void put(String key, byte[] bytes) {
        used.add(key);
        String name = name(key, bytes);
        try {
            AtomicWrite.write(dir.resolve(name), bytes);
            String previous = files.put(key, name);
            if (previous != null && !previous.equals(name)) Files.deleteIfExists(dir.resolve(previous));
        } catch (IOException e) {
            // Caching is an optimisation: the build goes on and encodes again next time.
        }
    }

    /** Deletes the entries this build did not ask for (photos deleted or changed, old settings). */
    public void prune() {
        files.forEach((key, name) -> {
            if (!used.contains(key)) {
                try {
                    Files.deleteIfExists(dir.resolve(name));
                } catch (IOException e) {
                    // left for the next prune
                }
                files.remove(key);
            }
        });
    }

    private static String name(String key, byte[] bytes) {
        return key + "." + Fingerprint.of(bytes) + ".webp";
    }

    private static boolean isWebp(byte[] b) {
        return b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P'
                && ((b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24) + 8 == b.length;
    }
}
