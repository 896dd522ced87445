package org.yogaflow.generator.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.yogaflow.generator.cache.KeyOrder;
import org.yogaflow.generator.cache.Signature;
import org.yogaflow.generator.diag.Diagnostic;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Position;

/**
 * Reads a content folder ({@code taxonomy.yaml}, {@code poses/}, {@code sequences/},
 * {@code photos/}) into a {@link Library}. Problems in the content become diagnostics; only
 * failures of the machine (unreadable disk) throw.
 */
public final class ContentLoader {

    /** How many changed files a load reads one by one, starting from the last load; more are all read in parallel. */
    private static final int EDITED_AT_MOST = 100;
    private static final List<String> POSE_FILES = List.of(".md");
    private static final List<String> SEQUENCE_FILES = List.of(".yaml", ".yml");

    private final Path contentDir;
    private final Path displayRoot;
    private final Diagnostics diagnostics;
    private final Memo memo;
    private final Map<String, String> stamps;
    private final Map<Path, String> keys = new HashMap<>(); // listed file → its key in stamps

    private ContentLoader(Path contentDir, Diagnostics diagnostics, Memo memo, Map<String, String> stamps) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
        Path parent = this.contentDir.getParent();
        this.displayRoot = parent == null ? this.contentDir : parent;
        this.diagnostics = diagnostics;
        this.memo = memo;
        this.stamps = stamps;
    }

    public static Library load(Path contentDir, Diagnostics diagnostics) {
        return load(contentDir, diagnostics, null, null);
    }

    /**
     * @param memo   files read by an earlier load of the same process and not changed since are not
     *               read again; null for none
     * @param stamps every file below the content folder (relative path → "size:modified-nanos"),
     *               as the build listed them just before: the folders are then not listed again;
     *               null to list them here
     */
    public static Library load(Path contentDir, Diagnostics diagnostics, Memo memo, Map<String, String> stamps) {
        return new ContentLoader(contentDir, diagnostics, memo, stamps == null || stamps.isEmpty() ? null : stamps).load();
    }

    /**
     * What each pose and sequence file gave when it was last read: kept by a long-running process
     * ({@code yogaflow dev}) between builds, so that a build after one edit parses one file.
     * A file counts as unchanged when its size and modification time are the same and
     * it had not been modified shortly before it was read (a later edit within the file system's
     * timestamp granularity could otherwise go unnoticed, as Git's "racy" rule says). Thread-safe.
     */
    public static final class Memo {
        /** How much older than its reading a file's modification time must be for the file to be trusted. */
        private static final long RACY_NANOS = 2_000_000_000L;

        private record Entry(String stamp, boolean trusted, Optional<?> item, List<Diagnostic> diagnostics) {}

        private final Map<Path, Entry> files = new ConcurrentHashMap<>();
        // The slugs of the last load's poses and sequences, in order: after an edit, the same.
        private final Map<String, List<String>> order = new ConcurrentHashMap<>();
        // The last load when it found no problem: a load after a few edits starts from it.
        volatile Last last;
        // Files read too soon after they were changed to be trusted: read again by every load.
        final Set<Path> untrusted = ConcurrentHashMap.newKeySet();
        // The last load as the snapshot on disk holds it (ContentSnapshot), or null.
        volatile Saved saved;

        /** A load as a snapshot file holds it: the file's size then, and its number of frames. */
        record Saved(Last last, long size, int frames) {}

        /** A load: every content file's stamp ("size:modified-nanos"), in path order, and the library they gave. */
        record Last(Path contentDir, Map<String, String> stamps, Library library) {}

        /** How many files the last loads took from the memo (for tests and timings). */
        private final AtomicInteger reused = new AtomicInteger();

        public int reused() {
            return reused.get();
        }

        /** How many loads started from the last one's library, reading only edited files (for tests). */
        private final AtomicInteger edits = new AtomicInteger();

        public int edits() {
            return edits.get();
        }
    }

    private Library load() {
        if (!Files.isDirectory(contentDir)) {
            diagnostics.error(Position.file(contentDir.toString()), "content folder not found",
                    "run from the folder that holds 'content/', or pass --content DIR");
            return new Library(contentDir, new Taxonomy(Map.of()), Map.of(), Map.of(), new TreeSet<>());
        }
        Library edited = memo == null ? null : edited(memo.last);
        if (edited != null) return edited;
        if (memo != null) {
            memo.last = null;
            memo.untrusted.clear(); // every file is looked at: the untrusted ones are found again
        }
        boolean clean = diagnostics.isEmpty();
        long readAt = System.currentTimeMillis() * 1_000_000L;
        Library library = loadEverything();
        // The next load may start from this one if it found no problem, and if the taxonomy (read
        // every time, not remembered) was not changed just before it was read.
        String taxonomy = stamps == null ? null : stamps.get("taxonomy.yaml");
        if (memo != null && clean && diagnostics.isEmpty() && stamps instanceof SortedMap<String, String> sorted
                && taxonomy != null && modified(taxonomy) < readAt - Memo.RACY_NANOS) {
            memo.last = new Memo.Last(contentDir, sorted, library);
        }
        return library;
    }

    /**
     * The last load's library with the poses and sequences whose files changed since read again,
     * when that is all that changed (the same files, no problem in any): the common case of a
     * watching process after an edit, which then need not look at every file. Null otherwise.
     */
    private Library edited(Memo.Last last) {
        if (last == null || !(stamps instanceof SortedMap<String, String> now) || !last.contentDir().equals(contentDir)
                || now.size() != last.stamps().size()) {
            return null;
        }
        // The files whose stamps changed, and those changed just before they were last read
        // (their stamps may not show a later edit yet).
        Set<String> changed = new TreeSet<>();
        Iterator<Map.Entry<String, String>> before = last.stamps().entrySet().iterator();
        for (Map.Entry<String, String> file : now.entrySet()) {
            Map.Entry<String, String> was = before.next(); // both in path order
            if (!file.getKey().equals(was.getKey())) return null; // a file added or deleted
            if (!file.getValue().equals(was.getValue())) changed.add(file.getKey());
        }
        for (Path file : memo.untrusted) changed.add(contentDir.relativize(file).toString().replace('\\', '/'));
        if (changed.size() > EDITED_AT_MOST) return null; // a checkout, say: all is read, in parallel
        Library was = last.library();
        Map<String, Pose> poses = new LinkedHashMap<>(was.poses());
        Map<String, Sequence> sequences = new LinkedHashMap<>(was.sequences());
        for (String rel : changed) {
            Path path = contentDir.resolve(rel);
            keys.put(path, rel);
            boolean read = inFolder(rel, "poses", POSE_FILES) ? reread(path, PoseReader::read, Pose::slug, poses)
                    : inFolder(rel, "sequences", SEQUENCE_FILES) && reread(path, SequenceReader::read, Sequence::slug, sequences);
            if (!read) return null; // a problem, or the taxonomy, a photo, a file of another kind: all is read again
        }
        Library library = new Library(contentDir, was.taxonomy(), poses, sequences, was.photos());
        memo.reused.addAndGet(poses.size() + sequences.size() - changed.size());
        memo.last = new Memo.Last(contentDir, now, library);
        memo.edits.incrementAndGet();
        return library;
    }

    /** Whether {@code rel} is a content file of {@code folder} with one of its {@code extensions}. */
    private static boolean inFolder(String rel, String folder, List<String> extensions) {
        return rel.startsWith(folder + "/") && visible(rel.substring(folder.length() + 1)) && hasExtension(rel, extensions);
    }

    /** Reads {@code file} again into {@code items}, in place of its last item; false if it has any problem. */
    private <T> boolean reread(Path file, BiFunction<SourceFile, Diagnostics, Optional<T>> reader,
            Function<T, String> slug, Map<String, T> items) {
        Diagnostics found = new Diagnostics();
        Optional<T> item = remembered(file, reader, found);
        return item.isPresent() && found.isEmpty() && items.replace(slug.apply(item.get()), item.get()) != null;
    }

    private Library loadEverything() {
        Taxonomy taxonomy = loadTaxonomy();
        Map<String, Pose> poses = loadAll("poses", POSE_FILES, PoseReader::read, Pose::origin);
        Map<String, Sequence> sequences =
                loadAll("sequences", SEQUENCE_FILES, SequenceReader::read, Sequence::origin);
        TreeSet<String> photos = new TreeSet<>();
        Path photoDir = contentDir.resolve("photos");
        for (Path p : listFiles("photos")) {
            photos.add(photoDir.relativize(p).toString().replace('\\', '/'));
        }
        return new Library(contentDir, taxonomy, poses, sequences, photos);
    }

    private Taxonomy loadTaxonomy() {
        Path file = contentDir.resolve("taxonomy.yaml");
        if (!Files.isRegularFile(file)) {
            diagnostics.error(Position.file(display(file)), "taxonomy file not found",
                    "create it with 'body_areas:' followed by lines like '  hamstrings: Hamstrings'");
            return new Taxonomy(Map.of());
        }
        Optional<SourceFile> source = readSource(file);
        if (source.isEmpty()) return new Taxonomy(Map.of());
        Optional<YamlNode> root = YamlReader.read(source.get().text(), source.get(), 0, diagnostics);
        if (root.isEmpty() || !(root.get() instanceof YamlNode.Mapping mapping)) {
            root.ifPresent(r -> diagnostics.error(r.position(), "taxonomy must be fields, not " + r.kind(), null));
            return new Taxonomy(Map.of());
        }
        Fields fields = new Fields(mapping, "taxonomy", "", new HashMap<>(), diagnostics);
        Map<String, String> areas = new LinkedHashMap<>();
        Optional<YamlNode.Mapping> areaMap = fields.mapping("body_areas");
        if (areaMap.isEmpty()) {
            diagnostics.error(mapping.position(), "taxonomy is missing 'body_areas'",
                    "add 'body_areas:' followed by lines like '  hamstrings: Hamstrings'");
        }
        areaMap.ifPresent(m -> m.entries().values().forEach(e -> {
            if (!isSlug(e.key())) {
                diagnostics.error(e.keyPosition(), "body area '" + e.key() + "' is not a valid slug",
                        "use lowercase letters, digits and hyphens, e.g. '" + slugify(e.key()) + "'");
            }
            String label = e.value() instanceof YamlNode.Scalar s && s.value() instanceof String text && !text.isBlank()
                    ? text.strip() : labelOf(e.key());
            areas.put(e.key(), label);
        }));
        fields.rejectUnknown();
        return new Taxonomy(areas);
    }

    /**
     * Reads every file with one of {@code extensions} below {@code folder} in parallel, and
     * reports duplicate and malformed slugs (the slug is the file name).
     */
    private <T> Map<String, T> loadAll(String folder, List<String> extensions,
            BiFunction<SourceFile, Diagnostics, Optional<T>> reader, Function<T, Origin> origin) {
        List<Path> files = new ArrayList<>();
        for (Path p : listFiles(folder)) {
            if (hasExtension(p.getFileName().toString(), extensions)) {
                files.add(p);
            } else {
                diagnostics.warning(Position.file(display(p)), "ignored: not a " + String.join(" or ", extensions) + " file",
                        "rename it with the right extension, or move it out of content/" + folder + "/");
            }
        }
        List<T> items = files.parallelStream()
                .map(file -> memo == null ? readSource(file, diagnostics).flatMap(s -> reader.apply(s, diagnostics))
                        : remembered(file, reader, diagnostics))
                .flatMap(Optional::stream)
                .toList();
        Map<String, T> bySlug = new HashMap<>();
        for (T item : items) {
            SourceFile source = origin.apply(item).source();
            String slug = source.baseName();
            if (!isSlug(slug)) {
                diagnostics.error(source.whole(), "file name '" + source.file().getFileName()
                        + "' is not a valid slug (lowercase letters, digits and single hyphens)",
                        "rename it to '" + slugify(slug) + source.file().getFileName().toString().substring(slug.length()) + "'");
            }
            T previous = bySlug.putIfAbsent(slug, item); // (in slug order below)
            if (previous != null) {
                // Report on both files: either may be the one to rename.
                SourceFile first = origin.apply(previous).source();
                for (SourceFile[] pair : new SourceFile[][] {{source, first}, {first, source}}) {
                    diagnostics.error(pair[0].whole(), "duplicate slug '" + slug + "': also used by "
                            + pair[1].displayPath(), "rename one of the two files; the file name is the page address");
                }
            }
        }
        return inSlugOrder(folder, bySlug);
    }

    /** {@code bySlug} in slug order: the last load's order when it had the same slugs (no sorting), else sorted. */
    private <T> Map<String, T> inSlugOrder(String folder, Map<String, T> bySlug) {
        Map<String, T> ordered = KeyOrder.sorted(bySlug, memo == null ? null : memo.order.get(folder));
        if (memo != null) memo.order.put(folder, List.copyOf(ordered.keySet()));
        return ordered;
    }

    /** The item of {@code file} from the memo if it did not change, else read now and remembered. */
    @SuppressWarnings("unchecked")
    private <T> Optional<T> remembered(Path file, BiFunction<SourceFile, Diagnostics, Optional<T>> reader,
            Diagnostics diagnostics) {
        String stamp = stamps == null ? null : stamps.get(keys.getOrDefault(file, ""));
        if (stamp == null) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                stamp = a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            } catch (IOException e) {
                return readSource(file, diagnostics).flatMap(s -> reader.apply(s, diagnostics)); // reports it
            }
        }
        Memo.Entry entry = memo.files.get(file);
        if (entry != null && entry.trusted() && entry.stamp().equals(stamp)) {
            entry.diagnostics().forEach(diagnostics::add);
            memo.reused.incrementAndGet();
            return (Optional<T>) entry.item();
        }
        long modified = modified(stamp);
        long readAt = System.currentTimeMillis() * 1_000_000L;
        Diagnostics own = new Diagnostics();
        Optional<T> item = readSource(file, own).flatMap(s -> reader.apply(s, own));
        List<Diagnostic> found = own.sorted();
        found.forEach(diagnostics::add);
        boolean trusted = modified < readAt - Memo.RACY_NANOS;
        memo.files.put(file, new Memo.Entry(stamp, trusted, item, found));
        if (trusted) memo.untrusted.remove(file); else memo.untrusted.add(file);
        return item;
    }

    /** The modification time in a stamp ("size:modified-nanos"). */
    private static long modified(String stamp) {
        return Long.parseLong(stamp.substring(stamp.indexOf(':') + 1));
    }

    private Optional<SourceFile> readSource(Path file) {
        return readSource(file, diagnostics);
    }

    private Optional<SourceFile> readSource(Path file, Diagnostics diagnostics) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            // The lenient decoder is several times faster and marks malformed bytes with U+FFFD;
            // only a text that has one is decoded again, strictly, to tell.
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0) {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            }
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            return Optional.of(new SourceFile(file, display(file), text, Signature.ofBytes(bytes)));
        } catch (CharacterCodingException e) {
            diagnostics.error(Position.file(display(file)), "file is not valid UTF-8 text",
                    "save it as UTF-8 in your editor");
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + display(file), e);
        }
    }

    /** Regular, non-hidden files below the content folder's {@code folder}, sorted; none when it is missing. */
    private List<Path> listFiles(String folder) {
        if (stamps != null) {
            // The build listed every content file already: no need to walk the folder again.
            String prefix = folder + "/";
            List<Path> files = new ArrayList<>();
            for (String rel : stamps.keySet()) {
                if (rel.startsWith(prefix) && visible(rel.substring(prefix.length()))) {
                    Path file = contentDir.resolve(rel);
                    keys.put(file, rel);
                    files.add(file);
                }
            }
            return files;
        }
        Path dir = contentDir.resolve(folder);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> visible(dir.relativize(p).toString().replace('\\', '/')))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Whether {@code name} ends with one of {@code extensions} (lowercase), in any case. */
    private static boolean hasExtension(String name, List<String> extensions) {
        for (String extension : extensions) {
            if (name.regionMatches(true, name.length() - extension.length(), extension, 0, extension.length())) return true;
        }
        return false;
    }

    /** Whether {@code s} is a slug: lowercase letters and digits in words joined by single hyphens (a regex, by hand: ten thousand files). */
    static boolean isSlug(String s) {
        if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!word && (c != '-' || s.charAt(i - 1) == '-')) return false;
        }
        return true;
    }

    /** Whether a file, by its path below its folder, is content: not hidden, not an editor's backup. */
    private static boolean visible(String relative) {
        return relative.indexOf('~') < 0 && !relative.startsWith(".") && !relative.contains("/.");
    }

    private String display(Path file) {
        return displayRoot.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** A URL-safe slug for a name: "Warrior II (Vīrabhadrāsana)" becomes "warrior-ii-virabhadrasana". */
    public static String slugify(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "untitled" : slug;
    }

    private static String labelOf(String slug) {
        String words = slug.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
