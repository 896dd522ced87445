package org.yogaflow.generator.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
        return createStaging(true);
    }

    /** @param dropPrevious delete the kept previous site too (a full build will not use it) */
    private Path createStaging(boolean dropPrevious) {
        try {
            Path parent = out.getParent();
            Files.createDirectories(parent);
            recoverInterruptedSwap();
            if (dropPrevious) deleteTree(kept(out));
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

    /**
     * A staging folder that already holds the published site, for an incremental build to
     * update: the kept previous site brought up to date by relinking the files that differ
     * ({@code delta}), or every file when that is unknown; without a kept site, a fresh folder of
     * hard links to every published file. Files are shared with the published site, so the
     * build must replace, never rewrite, them ({@link OutputTree} does).
     *
     * @param published the published site's files
     * @param delta     the files that differ between the kept previous site and the published
     *                  one, or null when unknown (after a full build)
     * @param kept      the files of the kept previous site when the caller knows them for sure
     *                  (it left that site and nothing has touched it since, or it has just listed
     *                  it: {@link #keptFiles}), or null: then the kept site is listed here, which
     *                  is most of the work for a large site
     */
    public Path stageFromPublished(Set<String> published, Set<String> delta, Set<String> kept) {
        Path previous = kept(out);
        try {
            if (Files.isDirectory(previous)) {
                // Reusing the kept site's folders is much cheaper than making new ones (and
                // deleting the kept site): on some file systems creating thousands of files and
                // folders just after deleting thousands of others is several times slower.
                Path staging = createStaging(false);
                Files.delete(staging);
                Files.move(previous, staging, StandardCopyOption.ATOMIC_MOVE);
                // Every kept file the published site does not have goes (pages of deleted poses,
                // files put there by hand); then the files that differ, or all when that is
                // unknown (after a full build), are linked anew. Deletions first: a folder of the
                // kept site may stand where a file now goes.
                if (kept == null) kept = files(staging);
                for (String path : kept) {
                    if (!published.contains(path)) delete(staging, path);
                }
                Set<String> relink = new HashSet<>(delta != null ? delta : published);
                for (String path : published) {
                    if (!kept.contains(path)) relink.add(path);
                }
                Set<Path> folders = new HashSet<>();
                for (String path : relink) {
                    if (!published.contains(path)) continue;
                    Path target = staging.resolve(path);
                    try {
                        Files.deleteIfExists(target);
                    } catch (DirectoryNotEmptyException e) {
                        deleteTree(target); // a file now stands where the kept site had a folder
                    }
                    if (folders.add(target.getParent())) Files.createDirectories(target.getParent());
                    Files.createLink(target, out.resolve(path));
                }
                return staging;
            }
            Path staging = createStaging(true);
            Set<Path> folders = new HashSet<>();
            for (String path : published) {
                Path target = staging.resolve(path);
                if (folders.add(target.getParent())) Files.createDirectories(target.getParent());
                Files.createLink(target, out.resolve(path));
            }
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a staging folder from " + out, e);
        }
    }

    /** The files of the site kept beside the output, as site paths; null when there is none (or it cannot be listed). */
    public Set<String> keptFiles() {
        Path previous = kept(out);
        if (!Files.isDirectory(previous)) return null;
        try {
            return files(previous);
        } catch (IOException e) {
            return null;
        }
    }

    /** How far a file system's change times may lag behind this process's clock, in milliseconds. */
    private static final long CLOCK_MARGIN = 1000;

    /**
     * The files of the site kept beside the output, as {@link #keptFiles()} lists them, reading
     * only the folders changed since the build that made that site started ({@code started},
     * milliseconds, less {@link #CLOCK_MARGIN}): any other folder holds the files that
     * {@code outputs} and {@code delta} (those of the site published after it, and the files that
     * differ between the two) put in it, as that build left it. A folder changes when a file is
     * added to it or removed from it, by hand too; its change time (ctime), unlike its
     * modification time, cannot be set back by a copy that keeps times. One status call per
     * folder instead of reading every folder.
     */
    public Set<String> keptFiles(Set<String> outputs, Set<String> delta, long started) {
        Path previous = kept(out);
        if (!Files.isDirectory(previous)) return null;
        Map<String, List<String>> filesIn = new HashMap<>(); // folder ("", "poses/tree/") → its files
        Map<String, Set<String>> foldersIn = new HashMap<>(); // folder → its folders
        for (Set<String> paths : List.of(outputs, delta)) {
            for (String path : paths) {
                String folder = path.substring(0, path.lastIndexOf('/') + 1);
                filesIn.computeIfAbsent(folder, f -> new ArrayList<>()).add(path);
                // Each folder is in the one above it, up to the site's root ("").
                while (!folder.isEmpty()) {
                    String parent = folder.substring(0, folder.lastIndexOf('/', folder.length() - 2) + 1);
                    if (!foldersIn.computeIfAbsent(parent, f -> new HashSet<>()).add(folder)) break;
                    folder = parent;
                }
            }
        }
        Set<String> files = new HashSet<>(outputs.size() + delta.size());
        try {
            keptFiles(previous, "", started - CLOCK_MARGIN, filesIn, foldersIn, files);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No change times on this file system, or a folder that cannot be read: all are read.
            return keptFiles();
        }
        return files;
    }

    private static void keptFiles(Path root, String folder, long since, Map<String, List<String>> filesIn,
            Map<String, Set<String>> foldersIn, Set<String> files) throws IOException {
        Path dir = root.resolve(folder);
        FileTime changed;
        try {
            changed = (FileTime) Files.getAttribute(dir, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // none of its files is there
        }
        Set<String> folders = foldersIn.getOrDefault(folder, Set.of());
        if (changed.toMillis() < since) {
            files.addAll(filesIn.getOrDefault(folder, List.of()));
            for (String sub : folders) keptFiles(root, sub, since, filesIn, foldersIn, files);
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String path = folder + entry.getFileName();
                if (folders.contains(path + "/")) keptFiles(root, path + "/", since, filesIn, foldersIn, files);
                else walk(root, entry, files);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Every file below {@code root}, as site paths. */
    private static Set<String> files(Path root) throws IOException {
        // A site has a folder per page: the folders two levels down (poses/<slug>/) are walked on
        // all cores, which takes a third of the time of one walk on a disk's file system.
        Set<String> files = ConcurrentHashMap.newKeySet();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> top = Files.newDirectoryStream(root)) {
            for (Path entry : top) {
                if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    walk(root, entry, files);
                    continue;
                }
                try (DirectoryStream<Path> below = Files.newDirectoryStream(entry)) {
                    for (Path path : below) {
                        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) folders.add(path);
                        else walk(root, path, files);
                    }
                }
            }
        }
        try {
            folders.parallelStream().forEach(folder -> walk(root, folder, files));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    /** Adds the files of {@code start} (a file or folder below {@code root}) to {@code files}, as site paths. */
    private static void walk(Path root, Path start, Set<String> files) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    files.add(root.relativize(file).toString().replace('\\', '/'));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file of a staging folder that the new site no longer has, and folders left empty. */
    public static void delete(Path staging, String path) {
        Path target = staging.resolve(path);
        try {
            Files.deleteIfExists(target);
            deleteEmptyParents(staging, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target, e);
        }
    }

    private static void deleteEmptyParents(Path root, Path file) throws IOException {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) return;
            } catch (java.nio.file.NoSuchFileException e) {
                continue;
            }
            Files.delete(dir);
        }
    }

    /**
     * Swaps the finished staging folder in. The replaced site is kept beside the output (as
     * {@code .<out>.previous}): the next incremental build starts from it, relinking only the
     * files that changed, instead of linking or rendering every page again.
     */
    public void publish(Path staging) {
        Path previous = kept(out);
        try {
            deleteTree(previous);
            if (Files.exists(out)) {
                Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new site into " + out, e);
        }
    }

    /** Puts a finished folder in place of {@code target} (a folder beside the site, such as its search index). */
    public static void replace(Path target, Path finished) {
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        try {
            deleteTree(old);
            if (Files.exists(target)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + finished + " to " + target, e);
        }
        deleteTree(old);
    }

    /**
     * Keeps a staging folder that holds exactly the published site's files (hard links to them,
     * nothing rendered yet) as the previous site, for the next build to start from.
     */
    public void keep(Path staging) {
        try {
            Path previous = kept(out);
            deleteTree(previous);
            Files.move(staging, previous, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(staging);
        }
    }

    public void discard(Path staging) {
        deleteTree(staging);
    }

    /** Where the site published before the current one is kept, beside the output {@code out}. */
    public static Path kept(Path out) {
        Path o = out.toAbsolutePath().normalize();
        return o.resolveSibling("." + o.getFileName() + ".previous");
    }

    /** If a build died between moving the old site aside and moving the new one in, restore the old. */
    private void recoverInterruptedSwap() throws IOException {
        Path previous = kept(out);
        if (Files.exists(previous) && !Files.exists(out)) {
            Files.move(previous, out, StandardCopyOption.ATOMIC_MOVE);
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
