package org.yogaflow.generator.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a build's output depends on besides the content: the generator itself, every file of
 * the theme and every option. Outputs of a build with another key are never reused. Also
 * stamps the content files (size and modification time), to notice when nothing changed
 * without reading them.
 */
final class BuildKey {

    private BuildKey() {}

    static String of(BuildOptions options) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, "generator", generatorStamp());
            // The output folder too: two outputs sharing one cache must not take each other's manifest.
            update(digest, "options", options.content().toAbsolutePath().normalize(),
                    options.out().toAbsolutePath().normalize(), options.baseUrl(), options.drafts(), options.strict(),
                    options.photos(), options.site());
            Path theme = options.theme().toAbsolutePath().normalize();
            for (Map.Entry<String, Path> file : files(theme).entrySet()) {
                update(digest, "theme", file.getKey());
                digest.update(Files.readAllBytes(file.getValue()));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the theme in " + options.theme(), e);
        }
    }

    /**
     * Content file → "size:modified" (nanoseconds), for every file below the content folder: what
     * tells, without reading them, that files did not change since the last build.
     */
    static Map<String, String> stamps(Path content) {
        Map<String, String> stamps = new TreeMap<>();
        try {
            Path root = content.toRealPath();
            walk(root, root, stamps);
        } catch (IOException e) {
            return Map.of(); // matches no manifest: a full build reports the problem properly
        }
        return stamps;
    }

    /**
     * The stamps of {@code last} (the content's stamps at some earlier time) brought up to date
     * for the files and folders in {@code changed} (as a file watcher reports them: created,
     * changed or deleted since), without walking the rest; null when that cannot be done.
     */
    static Map<String, String> restamp(Path content, Map<String, String> last, Collection<Path> changed) {
        TreeMap<String, String> stamps = new TreeMap<>(last);
        try {
            Path root = content.toRealPath();
            Path watched = content.toAbsolutePath().normalize();
            for (Path path : changed) {
                Path absolute = path.toAbsolutePath().normalize();
                if (!absolute.startsWith(watched)) continue; // the theme: part of the build's key
                String relative = watched.relativize(absolute).toString().replace('\\', '/');
                if (relative.isEmpty()) return null;
                // Whatever was there before (a file, or a folder's files) goes; what is there now comes.
                stamps.remove(relative);
                stamps.subMap(relative + "/", relative + "0").clear(); // '0' follows '/'
                Path now = root.resolve(relative);
                if (Files.exists(now)) walk(root, now, stamps);
            }
        } catch (IOException e) {
            return null;
        }
        return stamps;
    }

    /** Adds the stamps of {@code start} (a file or folder below {@code root}) and everything below it. */
    private static void walk(Path root, Path start, Map<String, String> stamps) throws IOException {
        // Linked files and folders count as content too (their targets' stamps); a broken link
        // is not content; a loop of links fails the walk (a full build then).
        Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                // The walk reads each file's attributes once, with its directory entry.
                if (a.isRegularFile()) {
                    stamps.put(root.relativize(file).toString().replace('\\', '/'),
                            a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The running generator: its jar's size and time, or the newest class file when run from classes. */
    static String generatorStamp() {
        try {
            Path code = Path.of(BuildKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return code + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
            }
            long newest = 0;
            for (Path file : files(code).values()) {
                newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
            }
            return code + ":" + newest;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown:" + System.nanoTime(); // never matches: always a full build
        }
    }

    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(root)) return files;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), p);
            }
        }
        return files;
    }

    private static void update(MessageDigest digest, Object... parts) {
        for (Object part : List.of(parts)) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }
}
