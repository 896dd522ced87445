package org.yogaflow.generator.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.yogaflow.generator.cache.Signature;
import org.yogaflow.generator.content.Category;
import org.yogaflow.generator.content.Difficulty;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.content.Sequence;
import org.yogaflow.generator.publish.Fingerprint;
import org.yogaflow.generator.publish.OutputTree;
import org.yogaflow.generator.render.Permalinks;

/**
 * Writes the browser's search index: its manifest under {@code search/}, the other files under
 * {@code assets/search/}, each named by its content hash. The terms and postings are read back
 * from the Lucene index just written, so the browser searches exactly the terms Lucene does. Files:
 * <ul>
 * <li>{@code search/index.*.json}, the manifest, read first: analysis tables, ranking weights,
 *     facet labels and the list of the other files. It is named by the poses it indexes, in id
 *     order, not by its content (see {@link #manifestPath}), so a CDN must revalidate it;
 * <li>{@code n.*.json}: shards of the name, body area, category, level and whole-name terms, by
 *     the first two letters of each term, so a query loads only the shards its words need;
 * <li>{@code t.*.json}: shards of the benefit and instruction stems, likewise;
 * <li>{@code facets.*.json}: which poses have each level, category and body area (filters);
 * <li>{@code sequences.*.json}: what a sequence result shows.
 * </ul>
 * Poses themselves are shown from the cards of the library page, in the same (slug) order as
 * the index's document ids.
 */
final class BrowserIndexWriter {

    static final int FORMAT = 2;
    static final String DIR = "assets/search/";
    /** Where the manifest is, and the way from there to {@link #DIR}. */
    static final String MANIFEST_DIR = "search/";
    private static final String FILES = "../" + DIR;
    /** Shards grow to about this many characters before a new one starts (a key is never split). */
    static final int SHARD_CHARS = 12_000;

    private static final JsonFactory JSON = new JsonFactory();

    private final Library library;
    private final Permalinks links;
    private final OutputTree tree;

    BrowserIndexWriter(Library library, Permalinks links, OutputTree tree) {
        this.library = library;
        this.links = links;
        this.tree = tree;
    }

    /**
     * The terms of the browser's fields with their postings (document ids, encoded), grouped as
     * the shards group them: shard prefix ("n" names, "t" texts) → key (a term's first two
     * characters) → field → term → postings. A long-running process keeps it between builds and
     * updates only changed terms ({@link #updateTerms}); it also remembers which keys changed since
     * the shards were last written, and each shard's file, so that an unchanged shard is not
     * serialized and hashed again.
     */
    static final class Vocabulary {
        private final Map<String, String> prefixOf = new TreeMap<>(); // field → shard prefix
        private final Map<String, TreeMap<String, Map<String, Map<String, String>>>> keys = new TreeMap<>();
        private final Set<String> dirty = new HashSet<>(); // prefix + key, changed since the shards were written
        private final Map<String, Integer> sizes = new HashMap<>(); // prefix + key → characters
        private Map<List<String>, String> written = new HashMap<>(); // [prefix, keys…] → file hash
        // Keys known from a saved list (see restore) but not read yet: prefix + key → their shard
        // ([prefix, keys…]), a file of the previous build in the folder `previous`.
        private final Map<String, Stored> unread = new HashMap<>();
        private Path previous;

        Vocabulary() {
            for (Ranking.Group group : Ranking.groups()) {
                String prefix = group.form() == Ranking.Form.STEM ? "t" : "n";
                prefixOf.put(group.field(), prefix);
                keys.put(prefix, new TreeMap<>());
            }
        }

        Set<String> fields() {
            return prefixOf.keySet();
        }

        void put(String field, String term, String postings) {
            String prefix = prefixOf.get(field);
            String key = key(term);
            Map<String, Map<String, String>> byField = byField(prefix, key);
            if (byField == null) {
                byField = new TreeMap<>();
                keys.get(prefix).put(key, byField);
            }
            byField.computeIfAbsent(field, f -> new TreeMap<>()).put(term, postings);
            dirty.add(prefix + key);
        }

        void remove(String field, String term) {
            String prefix = prefixOf.get(field);
            String key = key(term);
            Map<String, Map<String, String>> byField = byField(prefix, key);
            if (byField == null || !byField.containsKey(field)) return;
            byField.get(field).remove(term);
            if (byField.get(field).isEmpty()) byField.remove(field);
            if (byField.isEmpty()) keys.get(prefix).remove(key);
            dirty.add(prefix + key);
        }

        /**
         * Brings the postings up to date for documents replaced under the same ids, given the terms
         * of their old and new versions ((field, term) → ids, as {@link LuceneIndexer#terms} finds
         * them): a term loses the ids of the old versions that had it, gains those of the new
         * versions that have it, and goes when no document has it any more. That is what the
         * Lucene index holds after the same replacement, without reading it. Throws
         * {@link Unreadable} when an old version's term is not held with its id: these terms were
         * not made from those documents.
         */
        void replace(Map<List<String>, Set<Integer>> was, Map<List<String>, Set<Integer>> is) {
            Set<List<String>> changed = new HashSet<>(was.keySet());
            changed.addAll(is.keySet());
            for (List<String> term : changed) {
                Set<Integer> before = was.getOrDefault(term, Set.of());
                Set<Integer> after = is.getOrDefault(term, Set.of());
                if (before.equals(after)) continue;
                String field = term.get(0);
                String text = term.get(1);
                Map<String, Map<String, String>> byField = byField(prefixOf.get(field), key(text));
                String postings = byField == null || !byField.containsKey(field) ? null : byField.get(field).get(text);
                Set<Integer> ids = new TreeSet<>();
                if (postings != null) for (int id : Postings.decode(postings)) ids.add(id);
                if (!ids.containsAll(before)) throw new Unreadable();
                ids.removeAll(before);
                ids.addAll(after);
                if (ids.isEmpty()) remove(field, text);
                else put(field, text, Postings.encode(ids.stream().mapToInt(Integer::intValue).toArray()));
            }
        }

        private int size(String prefix, String key) {
            Integer size = dirty.contains(prefix + key) ? null : sizes.get(prefix + key);
            if (size == null) {
                size = byField(prefix, key).values().stream().flatMap(m -> m.entrySet().stream())
                        .mapToInt(e -> e.getKey().length() + e.getValue().length() + 6).sum();
                sizes.put(prefix + key, size);
            }
            return size;
        }

        /** Field → term → postings of the terms of {@code key}, read from the previous build's shard if need be; null when none. */
        private Map<String, Map<String, String>> byField(String prefix, String key) {
            Stored stored = unread.get(prefix + key);
            if (stored != null) read(stored);
            return keys.get(prefix).get(key);
        }

        /** Reads the terms of every key of {@code shards} not read yet, before anything is written. */
        void read(Collection<List<String>> shards) {
            for (List<String> shard : shards) {
                for (String key : shard.subList(1, shard.size())) byField(shard.get(0), key);
            }
        }

        /** Reads a shard of the previous build, checking its content against the hash in its name. */
        private void read(Stored stored) {
            List<String> shard = stored.shard();
            String prefix = shard.get(0);
            String hash = stored.hash();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(previous.resolve(DIR + prefix + "." + hash + ".json"));
            } catch (IOException e) {
                throw new Unreadable();
            }
            if (!Fingerprint.of(bytes).equals(hash)) throw new Unreadable();
            try (JsonParser json = JSON.createParser(bytes)) {
                if (json.nextToken() != JsonToken.START_OBJECT) throw new Unreadable();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    if (!prefix.equals(prefixOf.get(field)) || json.nextToken() != JsonToken.START_OBJECT) {
                        throw new Unreadable();
                    }
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String term = json.currentName();
                        if (json.nextToken() != JsonToken.VALUE_STRING) throw new Unreadable();
                        keys.get(prefix).computeIfAbsent(key(term), k -> new TreeMap<>())
                                .computeIfAbsent(field, f -> new TreeMap<>()).put(term, json.getText());
                    }
                }
            } catch (IOException e) {
                throw new Unreadable();
            }
            for (String key : shard.subList(1, shard.size())) unread.remove(prefix + key);
        }

        /**
         * The shards as the last {@link #write} left them, one line each: prefix, file hash, then
         * each key and its size; null when a key cannot be written on a line.
         */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (Map.Entry<List<String>, String> shard : written.entrySet()) {
                List<String> parts = new ArrayList<>(List.of(shard.getKey().get(0), shard.getValue()));
                for (String key : shard.getKey().subList(1, shard.getKey().size())) {
                    if (key.isEmpty() || key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) return null;
                    parts.add(key);
                    parts.add(String.valueOf(sizes.get(shard.getKey().get(0) + key)));
                }
                lines.add(String.join("\t", parts));
            }
            lines.sort(null);
            return lines;
        }

        /**
         * The vocabulary of the shards in {@code lines} ({@link #lines}), files of the previous build
         * in {@code previous}: each shard is read when one of its keys is needed.
         */
        static Vocabulary restore(List<String> lines, Path previous) {
            Vocabulary terms = new Vocabulary();
            terms.previous = previous;
            for (String line : lines) {
                String[] parts = line.split("\t", -1);
                if (parts.length < 2 || parts.length % 2 != 0 || !terms.keys.containsKey(parts[0])) {
                    throw new IllegalArgumentException("not a shard: " + line);
                }
                List<String> shard = new ArrayList<>(List.of(parts[0]));
                for (int i = 2; i < parts.length; i += 2) shard.add(parts[i]);
                shard = List.copyOf(shard);
                terms.written.put(shard, parts[1]);
                for (int i = 2; i < parts.length; i += 2) {
                    terms.keys.get(parts[0]).put(parts[i], null);
                    terms.sizes.put(parts[0] + parts[i], Integer.parseInt(parts[i + 1]));
                    terms.unread.put(parts[0] + parts[i], new Stored(shard, parts[1]));
                }
            }
            return terms;
        }
    }

    /** A shard of the previous build: [prefix, keys…] and its file's hash. */
    private record Stored(List<String> shard, String hash) {}

    /**
     * Terms of an earlier build that cannot be used (a shard of the previous build is missing or not
     * what its name says, or the terms were not made from the documents replaced): every term
     * must be read from the index.
     */
    static final class Unreadable extends RuntimeException {
        Unreadable() {
            super("a search index file of the previous build is missing or changed", null, false, false);
        }
    }

    /**
     * The site path of the manifest of {@code library}'s index: named by the slugs of its poses in
     * id order, the order of the library page's cards. The page links it without waiting for the
     * index, and stays as it is when only terms change (an edit of instructions), while a page
     * with other cards never loads a manifest whose ids do not match them. The manifest's content
     * changes under this name, so the site's headers file has it revalidated.
     */
    static String manifestPath(Library library) {
        String poses = Signature.of(List.copyOf(library.poses().keySet()));
        return MANIFEST_DIR + Fingerprint.name("index.json", poses.substring(0, 10));
    }

    /** Writes every file; returns the manifest's URL. */
    String write(Vocabulary terms) {
        Map<List<String>, String> written = new HashMap<>();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("files", FILES);
        manifest.put("poses", library.poses().size());
        manifest.put("sequences", library.sequences().size());
        manifest.put("base", links.url(""));
        manifest.put("analysis", analysis());
        manifest.put("ranking", Ranking.manifest());
        manifest.put("labels", labels());
        // Every shard is planned, and the terms of those to be written read, before any file is
        // written: a shard of the previous build that cannot be read then leaves nothing behind.
        List<List<String>> names = plan("n", terms);
        List<List<String>> text = plan("t", terms);
        terms.read(names.stream().filter(shard -> !kept(shard, terms)).toList());
        terms.read(text.stream().filter(shard -> !kept(shard, terms)).toList());
        manifest.put("names", files(names, terms, written));
        manifest.put("text", files(text, terms, written));
        manifest.put("facets", write("facets", facets()));
        manifest.put("sequenceList", write("sequences", sequenceList()));
        terms.dirty.clear();
        terms.written = written;
        String path = manifestPath(library);
        byte[] bytes = json(manifest);
        if (!tree.keep(path, "=" + Fingerprint.of(bytes))) tree.write(path, bytes);
        return links.url(path);
    }

    /** Reads every term of the browser's fields, with its postings as document ids (ord), encoded. */
    static Vocabulary readTerms(Directory index) {
        Vocabulary all = new Vocabulary();
        try (DirectoryReader reader = DirectoryReader.open(index)) {
            int[] ord = ords(reader);
            Bits live = MultiBits.getLiveDocs(reader); // an updated index holds replaced documents too
            int[] ids = new int[reader.maxDoc()];
            for (String field : all.fields()) {
                Terms terms = MultiTerms.getTerms(reader, field);
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                PostingsEnum pe = null;
                for (BytesRef term = te.next(); term != null; term = te.next()) {
                    pe = te.postings(pe, PostingsEnum.NONE);
                    int n = 0;
                    for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
                        if (live == null || live.get(doc)) ids[n++] = ord[doc];
                    }
                    if (n > 0) all.put(field, term.utf8ToString(), Postings.encode(Arrays.copyOf(ids, n)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
        return all;
    }

    /** Lucene doc id → document id. */
    private static int[] ords(DirectoryReader reader) throws IOException {
        int[] ord = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(LuceneIndexer.ORD);
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                ord[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return ord;
    }

    /** Splits terms into shards by their first two characters: [prefix, keys…] each. */
    private static List<List<String>> plan(String prefix, Vocabulary terms) {
        List<List<String>> shards = new ArrayList<>();
        List<String> shard = new ArrayList<>(List.of(prefix));
        int size = 0;
        for (String key : terms.keys.get(prefix).keySet()) {
            int keySize = terms.size(prefix, key);
            if (size > 0 && size + keySize > SHARD_CHARS) {
                shards.add(List.copyOf(shard));
                shard = new ArrayList<>(List.of(prefix));
                size = 0;
            }
            shard.add(key);
            size += keySize;
        }
        if (size > 0 || shards.isEmpty()) shards.add(List.copyOf(shard));
        return shards;
    }

    /** Whether a shard is the same as last time, none of its keys changed, and its file is still there. */
    private boolean kept(List<String> shard, Vocabulary terms) {
        String prefix = shard.get(0);
        String hash = terms.written.get(shard);
        if (hash == null || shard.stream().skip(1).anyMatch(k -> terms.dirty.contains(prefix + k))) return false;
        String file = DIR + prefix + "." + hash + ".json";
        return tree.has(file, "=" + file);
    }

    /** The shards' files, written unless kept; returns [[first key, file hash], …]. */
    private List<List<String>> files(List<List<String>> shards, Vocabulary terms, Map<List<String>, String> written) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> shard : shards) {
            out.add(List.of(shard.size() > 1 && !out.isEmpty() ? shard.get(1) : "", shardFile(shard, terms, written)));
        }
        return out;
    }

    /** The hash of the file of a shard ([prefix, keys…]), written unless the last one can be kept. */
    private String shardFile(List<String> shard, Vocabulary terms, Map<List<String>, String> written) {
        String prefix = shard.get(0);
        List<String> keys = shard.subList(1, shard.size());
        String hash = terms.written.get(shard);
        if (kept(shard, terms)) {
            String file = DIR + prefix + "." + hash + ".json";
            if (tree.keep(file, "=" + file)) {
                written.put(shard, hash);
                return hash;
            }
        }
        Map<String, Map<String, String>> content = new TreeMap<>(); // field → term → postings
        for (String key : keys) {
            terms.byField(prefix, key).forEach((field, byTerm) -> shardField(content, field).putAll(byTerm));
        }
        hash = hash(prefix, content);
        written.put(shard, hash);
        return hash;
    }

    private static Map<String, String> shardField(Map<String, Map<String, String>> shard, String field) {
        return shard.computeIfAbsent(field, f -> new TreeMap<>());
    }

    /** The shard key of a term: its first two UTF-16 units (the browser compares the same way). */
    static String key(String term) {
        return term.length() <= 2 ? term : term.substring(0, 2);
    }

    private Map<String, Object> analysis() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stopWords", new java.util.TreeSet<>(Analysis.STOP_WORDS));
        m.put("numerals", Analysis.NUMERALS);
        m.put("fold", new TreeMap<>(Analysis.FOLD));
        return m;
    }

    private Map<String, Object> labels() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", Arrays.stream(Difficulty.values()).map(d -> List.of(d.slug(), d.label())).toList());
        m.put("category", Arrays.stream(Category.values()).map(c -> List.of(c.slug(), c.label())).toList());
        m.put("area", library.taxonomy().bodyAreas().entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
        return m;
    }

    /** Postings of every level (poses and sequences), category and body area (poses), in label order. */
    private Map<String, Object> facets() {
        List<List<Integer>> level = lists(Difficulty.values().length);
        List<List<Integer>> category = lists(Category.values().length);
        List<String> areaSlugs = List.copyOf(library.taxonomy().bodyAreas().keySet());
        List<List<Integer>> area = lists(areaSlugs.size());
        int id = 0;
        for (Pose pose : library.poses().values()) {
            level.get(pose.difficulty().ordinal()).add(id);
            if (pose.category() != null) category.get(pose.category().ordinal()).add(id);
            for (String a : pose.bodyAreas()) {
                int i = areaSlugs.indexOf(a);
                if (i >= 0) area.get(i).add(id);
            }
            id++;
        }
        for (Sequence sequence : library.sequences().values()) level.get(sequence.difficulty().ordinal()).add(id++);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", encode(level));
        m.put("category", encode(category));
        m.put("area", encode(area));
        return m;
    }

    /** [slug, title, level index, minutes, step count] per sequence, in id order. */
    private List<List<Object>> sequenceList() {
        return library.sequences().values().stream()
                .map(s -> List.<Object>of(s.slug(), s.title(), s.difficulty().ordinal(), s.minutes(), s.steps().size()))
                .toList();
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new ArrayList<>());
        return out;
    }

    private static List<String> encode(List<List<Integer>> lists) {
        return lists.stream().map(l -> Postings.encode(l.stream().mapToInt(Integer::intValue).toArray())).toList();
    }

    /** Writes a JSON file under its content hash; returns its hash. */
    private String hash(String prefix, Object content) {
        String name = write(prefix, content);
        return name.substring(prefix.length() + 1, name.length() - ".json".length());
    }

    /** Writes {@code DIR/prefix.<hash>.json}; returns the name relative to DIR. */
    private String write(String prefix, Object content) {
        byte[] bytes = json(content);
        String name = Fingerprint.name(prefix + ".json", Fingerprint.of(bytes));
        // Named by content: a file of the previous build with this name is this file.
        if (!tree.keep(DIR + name, "=" + DIR + name)) tree.write(DIR + name, bytes);
        return name;
    }

    private static byte[] json(Object content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(SHARD_CHARS + SHARD_CHARS / 4);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            value(json, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Writes maps, collections, strings, numbers and booleans as JSON, streamed: the index is
     * plain data, and the build need not start Jackson's object mapper for it.
     */
    private static void value(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case Integer i -> json.writeNumber(i);
            case Long l -> json.writeNumber(l);
            case Boolean b -> json.writeBoolean(b);
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    json.writeFieldName(String.valueOf(e.getKey()));
                    value(json, e.getValue());
                }
                json.writeEndObject();
            }
            case Collection<?> items -> {
                json.writeStartArray();
                for (Object item : items) value(json, item);
                json.writeEndArray();
            }
            default -> throw new IllegalArgumentException("not JSON data: " + value.getClass());
        }
    }
}
