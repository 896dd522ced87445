package org.yogaflow.generator.content;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.yogaflow.generator.cache.AtomicWrite;
import org.yogaflow.generator.diag.Position;

/**
 * The last clean load of a content folder, kept on disk (in the build cache) so that a new
 * process starts where the last build left off: it reads only the files changed since, as a
 * watching process does ({@link ContentLoader.Memo}), instead of parsing every pose again.
 * A snapshot holds each file's stamp (size and modification time) as it was read, the library
 * those files gave, and the files read too soon after a change to be trusted. It is written by
 * one generator for one content folder (its key): any other key, an unknown format, or a
 * damaged file (checksum) means a full load; deleting it is always safe.
 */
public final class ContentSnapshot {

    private static final String MAGIC = "yogaflow content snapshot";
    private static final int FORMAT = 1;
    /** Strings up to this long are written once and then referred to (field names, body areas, paths). */
    private static final int SHARED_CHARS = 64;

    /** How many frames a snapshot grows to before it is written anew. */
    private static final int MAX_FRAMES = 64;
    /** The largest frame appended (bytes); a larger change is written as a new snapshot. */
    private static final int MAX_DELTA = 1 << 20;

    private ContentSnapshot() {}

    /**
     * A memo that starts from the snapshot in {@code file}, when it was written with {@code key}
     * for {@code contentDir}; an empty memo otherwise.
     */
    public static ContentLoader.Memo read(Path file, String key, Path contentDir) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new ContentLoader.Memo(); // none, or unreadable: a full load
        }
        try {
            Path dir = contentDir.toAbsolutePath().normalize();
            In in = In.frame(bytes, 0);
            if (in == null || !MAGIC.equals(in.string()) || in.number() != FORMAT || !key.equals(in.string())
                    || !dir.toString().equals(in.string())) {
                return new ContentLoader.Memo();
            }
            int n = in.count();
            Map<String, String> stamps = LinkedHashMap.newLinkedHashMap(n); // in path order
            for (int i = 0; i < n; i++) stamps.put(in.string(), in.string());
            Set<Path> untrusted = untrusted(in, dir);
            Map<String, String> areas = new LinkedHashMap<>();
            for (int i = in.count(); i > 0; i--) areas.put(in.string(), in.string());
            n = in.count();
            Map<String, Pose> poses = LinkedHashMap.newLinkedHashMap(n);
            for (int i = 0; i < n; i++) {
                Pose pose = pose(in, dir);
                poses.put(pose.slug(), pose);
            }
            n = in.count();
            Map<String, Sequence> sequences = LinkedHashMap.newLinkedHashMap(n);
            for (int i = 0; i < n; i++) {
                Sequence sequence = sequence(in, dir);
                sequences.put(sequence.slug(), sequence);
            }
            TreeSet<String> photos = new TreeSet<>(in.strings());
            in.end();
            // Each later frame: the files read again by a build since, and what they gave.
            int frames = 1;
            for (int at = in.next(); at < bytes.length; at = in.next(), frames++) {
                in = In.frame(bytes, at);
                if (in == null) return new ContentLoader.Memo();
                for (int i = in.count(); i > 0; i--) {
                    if (stamps.replace(in.string(), in.string()) == null) return new ContentLoader.Memo();
                }
                untrusted = untrusted(in, dir);
                for (int i = in.count(); i > 0; i--) {
                    Pose pose = pose(in, dir);
                    if (poses.replace(pose.slug(), pose) == null) return new ContentLoader.Memo();
                }
                for (int i = in.count(); i > 0; i--) {
                    Sequence sequence = sequence(in, dir);
                    if (sequences.replace(sequence.slug(), sequence) == null) return new ContentLoader.Memo();
                }
                in.end();
            }
            ContentLoader.Memo memo = new ContentLoader.Memo();
            memo.untrusted.addAll(untrusted);
            memo.last = new ContentLoader.Memo.Last(dir, stamps, new Library(dir, new Taxonomy(areas), poses, sequences, photos));
            memo.saved = new ContentLoader.Memo.Saved(memo.last, bytes.length, frames);
            return memo;
        } catch (RuntimeException e) {
            return new ContentLoader.Memo(); // damaged in a way the checksums missed
        }
    }

    /** The library of the snapshot {@code memo} was read from (or last saved in), or null. */
    public static Library saved(ContentLoader.Memo memo) {
        ContentLoader.Memo.Saved saved = memo == null ? null : memo.saved;
        return saved == null ? null : saved.last().library();
    }

    /**
     * Saves the last load of {@code memo} in {@code file}, unless it is the one read from there or
     * there is none (the load found a problem). A load that read only a few files again, starting
     * from the one in the file, is appended to it as a frame of those files; otherwise, or after
     * many frames, the file is written anew. On failure there is no snapshot: the next build reads
     * every file.
     */
    public static void write(Path file, String key, ContentLoader.Memo memo) {
        ContentLoader.Memo.Last last = memo.last;
        ContentLoader.Memo.Saved saved = memo.saved;
        if (last == null || (saved != null && last == saved.last())) return;
        try {
            byte[] delta = saved == null || saved.frames() >= MAX_FRAMES ? null : delta(saved.last(), last, memo);
            if (delta != null && delta.length < MAX_DELTA && Files.size(file) == saved.size()) {
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                    out.write(delta);
                }
                memo.saved = new ContentLoader.Memo.Saved(last, saved.size() + delta.length, saved.frames() + 1);
                return;
            }
            long[] size = {0};
            // (A frame is made in memory, then written in one go: no buffering needed.)
            AtomicWrite.writeBinary(file, stream -> size[0] = frame(stream, out -> whole(out, key, last, memo)));
            memo.saved = new ContentLoader.Memo.Saved(last, size[0], 1);
        } catch (IOException | UncheckedIOException e) {
            // No snapshot then (an appended frame cut short would be refused anyway): the next
            // build reads every file, nothing worse.
            memo.saved = null;
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a damaged file is refused by its checksums
            }
        }
    }

    private static void whole(Out out, String key, ContentLoader.Memo.Last last, ContentLoader.Memo memo) {
        Path dir = last.contentDir();
        out.string(MAGIC);
        out.number(FORMAT);
        out.string(key);
        out.string(dir.toString());
        out.number(last.stamps().size());
        last.stamps().forEach((path, stamp) -> {
            out.string(path);
            out.string(stamp);
        });
        untrusted(out, memo, dir);
        Library library = last.library();
        out.number(library.taxonomy().bodyAreas().size());
        library.taxonomy().bodyAreas().forEach((slug, label) -> {
            out.string(slug);
            out.string(label);
        });
        out.number(library.poses().size());
        for (Pose pose : library.poses().values()) pose(out, pose, dir);
        out.number(library.sequences().size());
        for (Sequence sequence : library.sequences().values()) sequence(out, sequence, dir);
        out.strings(List.copyOf(library.photos()));
    }

    /**
     * The frame that turns {@code was} into {@code now}: changed stamps, the untrusted files, and the
     * poses and sequences that are not the very same objects; null unless only those changed (the
     * same files, the same taxonomy and photos).
     */
    private static byte[] delta(ContentLoader.Memo.Last was, ContentLoader.Memo.Last now, ContentLoader.Memo memo) {
        Library a = was.library();
        Library b = now.library();
        if (!was.contentDir().equals(now.contentDir()) || !a.taxonomy().equals(b.taxonomy()) || !a.photos().equals(b.photos())
                || !a.poses().keySet().equals(b.poses().keySet())
                || !a.sequences().keySet().equals(b.sequences().keySet()) || was.stamps().size() != now.stamps().size()) {
            return null;
        }
        Map<String, String> stamps = new LinkedHashMap<>();
        Iterator<Map.Entry<String, String>> before = was.stamps().entrySet().iterator();
        for (Map.Entry<String, String> stamp : now.stamps().entrySet()) {
            Map.Entry<String, String> old = before.next(); // both in path order
            if (!old.getKey().equals(stamp.getKey())) return null;
            if (!old.getValue().equals(stamp.getValue())) stamps.put(stamp.getKey(), stamp.getValue());
        }
        List<Pose> poses = new ArrayList<>();
        for (Pose pose : b.poses().values()) if (a.poses().get(pose.slug()) != pose) poses.add(pose);
        List<Sequence> sequences = new ArrayList<>();
        for (Sequence sequence : b.sequences().values()) {
            if (a.sequences().get(sequence.slug()) != sequence) sequences.add(sequence);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path dir = now.contentDir();
        try {
            frame(bytes, out -> {
                out.number(stamps.size());
                stamps.forEach((path, stamp) -> {
                    out.string(path);
                    out.string(stamp);
                });
                untrusted(out, memo, dir);
                out.number(poses.size());
                for (Pose pose : poses) pose(out, pose, dir);
                out.number(sequences.size());
                for (Sequence sequence : sequences) sequence(out, sequence, dir);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    /** Writes a frame: its length (4 bytes), what {@code body} writes, and its checksum (8 bytes); returns its size. */
    private static long frame(OutputStream target, Consumer<Out> body) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
        body.accept(new Out(payload));
        CRC32 crc = new CRC32();
        byte[] bytes = payload.toByteArray();
        crc.update(bytes);
        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.writeLong(crc.getValue());
        out.flush();
        return 4L + bytes.length + 8;
    }

    private static void untrusted(Out out, ContentLoader.Memo memo, Path dir) {
        List<Path> untrusted = new ArrayList<>(memo.untrusted);
        out.number(untrusted.size());
        for (Path path : untrusted) out.string(relative(dir, path));
    }

    private static Set<Path> untrusted(In in, Path dir) {
        Set<Path> untrusted = new HashSet<>();
        for (int i = in.count(); i > 0; i--) untrusted.add(dir.resolve(in.string()));
        return untrusted;
    }

    private static void pose(Out out, Pose p, Path dir) {
        out.string(p.slug());
        out.string(p.name());
        out.string(p.sanskrit());
        out.strings(p.aliases());
        out.number(p.difficulty() == null ? -1 : p.difficulty().ordinal());
        out.number(p.category() == null ? -1 : p.category().ordinal());
        out.strings(p.bodyAreas());
        out.number(p.duration() == null ? 0 : 1);
        if (p.duration() != null) {
            out.number(p.duration().min());
            out.number(p.duration().max());
        }
        out.strings(p.benefits());
        out.strings(p.contraindications());
        out.strings(p.props());
        out.strings(p.related());
        out.string(p.photo());
        out.string(p.photoAlt());
        out.number(p.draft() ? 1 : 0);
        out.string(p.instructions());
        origin(out, p.origin(), dir);
    }

    /** Reads what {@link #pose(Out, Pose, Path)} wrote, field by field in the same order. */
    private static Pose pose(In in, Path dir) {
        String slug = in.string();
        String name = in.string();
        String sanskrit = in.string();
        List<String> aliases = in.strings();
        Difficulty difficulty = in.choice(Difficulty.values());
        Category category = in.choice(Category.values());
        List<String> bodyAreas = in.strings();
        HoldRange duration = in.number() == 0 ? null : new HoldRange(in.number(), in.number());
        return new Pose(slug, name, sanskrit, aliases, difficulty, category, bodyAreas, duration, in.strings(),
                in.strings(), in.strings(), in.strings(), in.string(), in.string(), in.number() == 1, in.string(),
                origin(in, dir));
    }

    private static void sequence(Out out, Sequence s, Path dir) {
        out.string(s.slug());
        out.string(s.title());
        out.number(s.difficulty() == null ? -1 : s.difficulty().ordinal());
        out.number(s.minutes());
        out.string(s.audience());
        out.strings(s.benefits());
        out.string(s.description());
        out.number(s.transitionSeconds());
        out.number(s.steps().size());
        for (Step step : s.steps()) {
            out.string(step.pose());
            out.number(step.hold());
            out.number(step.side() == null ? -1 : step.side().ordinal());
            out.number(step.repeat());
            out.string(step.transition());
            out.string(step.cue());
        }
        out.number(s.draft() ? 1 : 0);
        origin(out, s.origin(), dir);
    }

    private static Sequence sequence(In in, Path dir) {
        String slug = in.string();
        String title = in.string();
        Difficulty difficulty = in.choice(Difficulty.values());
        int minutes = in.number();
        String audience = in.string();
        List<String> benefits = in.strings();
        String description = in.string();
        int transition = in.number();
        int n = in.count();
        List<Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(new Step(in.string(), in.number(), in.choice(Side.values()), in.number(), in.string(), in.string()));
        }
        return new Sequence(slug, title, difficulty, minutes, audience, benefits, description, transition,
                List.copyOf(steps), in.number() == 1, origin(in, dir));
    }

    private static void origin(Out out, Origin origin, Path dir) {
        if (origin == null) {
            out.string(null);
            return;
        }
        SourceFile source = origin.source();
        out.string(relative(dir, source.file()));
        out.string(source.displayPath());
        out.string(source.textHash());
        out.string(origin.fieldsHash());
        // The positions, a block of its own (read only when asked for: rarely, for most files).
        ByteArrayOutputStream block = new ByteArrayOutputStream(256);
        Out positions = new Out(block);
        positions.number(origin.positions().size());
        origin.positions().forEach((key, at) -> {
            positions.string(key);
            positions.string(at.path());
            positions.number(at.line());
            positions.number(at.column());
        });
        out.bytes(block.toByteArray());
    }

    private static Origin origin(In in, Path dir) {
        String file = in.string();
        if (file == null) return null;
        SourceFile source = new SourceFile(dir.resolve(file), in.string(), "", in.string());
        String fieldsHash = in.string();
        int n = in.count();
        Positions positions = new Positions(in.bytes, in.pos, in.pos + n);
        in.pos += n;
        return new Origin(source, positions, fieldsHash);
    }

    /** The positions of an origin as a snapshot holds them, read on first use. */
    static final class Positions extends AbstractMap<String, Position> {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private Map<String, Position> read;

        private Positions(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
        }

        private synchronized Map<String, Position> read() {
            if (read == null) {
                In in = new In(bytes, from, to);
                int n = in.count();
                Map<String, Position> positions = HashMap.newHashMap(n);
                for (int i = 0; i < n; i++) {
                    positions.put(in.string(), new Position(in.string(), in.number(), in.number()));
                }
                in.end();
                read = Map.copyOf(positions);
            }
            return read;
        }

        @Override
        public Set<Entry<String, Position>> entrySet() {
            return read().entrySet();
        }

        @Override
        public Position get(Object key) {
            return read().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return read().containsKey(key);
        }

        @Override
        public int size() {
            return read().size();
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /**
     * Writes numbers as zig-zag varints and strings as UTF-8 with a tagged length: a short string
     * seen before is written as its index instead.
     */
    private static final class Out {
        private final OutputStream out;
        private final Map<String, Integer> shared = new HashMap<>();

        Out(OutputStream out) {
            this.out = out;
        }

        void number(int n) {
            long v = ((long) n << 1) ^ (n >> 31); // zig-zag: small negatives stay small
            try {
                while ((v & ~0x7FL) != 0) {
                    out.write((int) ((v & 0x7F) | 0x80));
                    v >>>= 7;
                }
                out.write((int) v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** null: 0; new shared string: 4·bytes + 1; other new string: 4·bytes + 2; shared string i: 4·i + 3. */
        void string(String s) {
            if (s == null) {
                number(0);
                return;
            }
            boolean share = s.length() <= SHARED_CHARS;
            if (share) {
                Integer index = shared.get(s);
                if (index != null) {
                    number(4 * index + 3);
                    return;
                }
                shared.put(s, shared.size());
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            number(4 * bytes.length + (share ? 1 : 2));
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void strings(List<String> list) {
            number(list.size());
            for (String s : list) string(s);
        }

        void bytes(byte[] block) {
            number(block.length);
            try {
                out.write(block);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads a frame of what {@link Out} wrote; any inconsistency throws a RuntimeException. */
    private static final class In {
        private final byte[] bytes;
        private final int end;
        private int pos;
        private final List<String> shared = new ArrayList<>();

        private In(byte[] bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        /** The frame at {@code at}, or null when it is cut short or its checksum is wrong. */
        static In frame(byte[] bytes, int at) {
            if (bytes.length - at < 12) return null;
            int n = (int) number(bytes, at, 4);
            if (n < 0 || n > bytes.length - at - 12) return null;
            CRC32 crc = new CRC32();
            crc.update(bytes, at + 4, n);
            if (crc.getValue() != number(bytes, at + 4 + n, 8)) return null;
            return new In(bytes, at + 4, at + 4 + n);
        }

        /** Where the next frame starts. */
        int next() {
            return end + 8;
        }

        /** Checks that the whole frame was read. */
        void end() {
            if (pos != end) throw new IllegalStateException("frame not read to its end");
        }

        private static long number(byte[] bytes, int at, int size) {
            long v = 0;
            for (int i = 0; i < size; i++) v = (v << 8) | (bytes[at + i] & 0xFF);
            return v;
        }

        int number() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                if (pos >= end || shift > 35) throw new IllegalStateException("bad number");
                int b = bytes[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) break;
            }
            return (int) ((v >>> 1) ^ -(v & 1));
        }

        /** A number of items to read: never negative, never more than the bytes left. */
        int count() {
            int n = number();
            if (n < 0 || n > end - pos) throw new IllegalStateException("bad count");
            return n;
        }

        String string() {
            int tag = number();
            if (tag == 0) return null;
            int n = tag >>> 2;
            if ((tag & 3) == 3) return shared.get(n);
            if (n > end - pos) throw new IllegalStateException("bad length");
            String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
            pos += n;
            if ((tag & 3) == 1) shared.add(s);
            return s;
        }

        List<String> strings() {
            int n = count();
            if (n == 0) return List.of();
            String[] items = new String[n];
            for (int i = 0; i < n; i++) items[i] = string();
            return List.of(items);
        }

        <E extends Enum<E>> E choice(E[] values) {
            int i = number();
            return i < 0 ? null : values[i];
        }
    }
}
