package org.yogaflow.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.store.Directory;
import org.yogaflow.generator.cache.AtomicWrite;
import org.yogaflow.generator.cache.Generations;
import org.yogaflow.generator.cache.Same;
import org.yogaflow.generator.cache.Signature;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Taxonomy;
import org.yogaflow.generator.publish.OutputTree;
import org.yogaflow.generator.render.Permalinks;

/**
 * The build's search stage: one list of {@link SearchDocument}s becomes the Lucene index (for
 * {@code yogaflow search}, kept beside the site) and the browser index (published with it).
 * The browser index is exported from the Lucene index, so both search the same terms.
 */
public final class SearchIndexer {

    /** What templates need, plain name → URL ("index" → the browser index's manifest), and how many documents were indexed. */
    public record Result(Map<String, String> assets, int documents, String timings) {}

    private SearchIndexer() {}

    /**
     * What templates need to load the browser index of {@code published} ("index" → its
     * manifest's URL), known before the index is written: the manifest is named by the poses
     * indexed, not by its content.
     */
    public static Map<String, String> assets(Library published, Permalinks links) {
        return Map.of("index", links.url(BrowserIndexWriter.manifestPath(published)));
    }

    /** Where the Lucene index of a site built into {@code out} lives: beside it, not inside (never published to the CDN). */
    public static Path luceneDir(Path out) {
        return out.resolveSibling(out.getFileName() + ".search");
    }

    /**
     * Writes the browser index files (fingerprinted names) into {@code tree} and the Lucene index
     * into {@code luceneDir} (an empty new folder; the caller swaps it into place after publishing).
     *
     * @param previousLuceneDir the index of the build that {@code tree} starts from, or null: when
     *                          it holds the same documents, only changed ones are indexed again
     * @param memo              what a long-running process kept from its last build, or null
     */
    public static Result write(Library published, Permalinks links, OutputTree tree, Path luceneDir,
            Path previousLuceneDir, Memo memo) {
        long start = System.nanoTime();
        List<SearchDocument.Entry> docs = SearchDocument.entries(published,
                memo == null ? (key, make) -> make.get() : memo.documents(published.taxonomy()));
        long indexing = System.nanoTime();
        LuceneIndexer.Indexed indexed = LuceneIndexer.index(docs, previousLuceneDir, luceneDir);
        try (Directory index = indexed.directory()) {
            long exporting = System.nanoTime();
            BrowserIndexWriter.Vocabulary terms = memo == null ? BrowserIndexWriter.readTerms(index)
                    : memo.update(docs, indexed, index);
            BrowserIndexWriter writer = new BrowserIndexWriter(published, links, tree);
            String manifest;
            try {
                manifest = writer.write(terms);
            } catch (BrowserIndexWriter.Unreadable e) {
                // A file of the previous build is missing or changed: every term is read again.
                terms = BrowserIndexWriter.readTerms(index);
                manifest = writer.write(terms);
                if (memo != null) memo.terms = terms;
            }
            return new Result(Map.of("index", manifest), docs.size(), String.format(Locale.ROOT,
                    "documents %d ms, Lucene %d ms, browser index %d ms%s", (indexing - start) / 1_000_000,
                    (exporting - indexing) / 1_000_000, (System.nanoTime() - exporting) / 1_000_000,
                    memo != null && memo.lastWasIncremental() ? ", changed terms only" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing an index does not fail
        }
    }

    public static Result write(Library published, Permalinks links, OutputTree tree, Path luceneDir,
            Path previousLuceneDir) {
        return write(published, links, tree, luceneDir, previousLuceneDir, null);
    }

    /**
     * The browser index's terms as the last build of this process left them, and the documents
     * they came from. After an edit, only the terms of the replaced documents (old and new
     * versions) are read from the index again, instead of every term: what makes a rebuild in a
     * warm process ({@code yogaflow dev}) fast. It is used only when the index being updated is
     * the one these terms were read from (the same documents, by signature); otherwise every term
     * is read, as in a one-off build.
     */
    public static final class Memo {
        private static final String FORMAT = "yogaflow search terms 1";

        private Map<String, SearchDocument.Entry> docs; // by slug
        private Map<String, String> signatures;  // by slug; null while the terms are being changed
        private BrowserIndexWriter.Vocabulary terms;
        private boolean lastWasIncremental;
        // The signatures of the documents, in id order, hashed: what the terms were read from.
        private String fingerprint;
        // What a new process starts from (restore): the terms of the last build, read from its
        // files when needed, their fingerprint, and a library its documents may have come from.
        private Restored restored;
        // Each pose's document (entry), by the very same pose and its id, with the labels of the
        // taxonomy. Used by one thread at a time.
        private final Generations<Same, SearchDocument.Entry> made = new Generations<>(HashMap::newHashMap);
        private Taxonomy taxonomy;

        private record Restored(String fingerprint, BrowserIndexWriter.Vocabulary terms, Library library) {}

        /**
         * Pose documents taken from the last build when made of the same pose, at the same
         * position, with the same labels.
         */
        SearchDocument.Cache documents(Taxonomy taxonomy) {
            made.next(taxonomy.equals(this.taxonomy));
            this.taxonomy = taxonomy;
            return made::get;
        }

        /** Whether the last build read only changed terms (for tests). */
        public boolean lastWasIncremental() {
            return lastWasIncremental;
        }

        /**
         * A memo for a new process, from what {@link #save} wrote after the last build: its terms are
         * used when the index is updated from that build's index (the same signatures), and read
         * from that build's files, in {@code previousSite}, only where needed; the documents
         * replaced are made again from {@code previousLibrary} (the content as a snapshot kept it),
         * when that gives the documents of those signatures. None of it otherwise.
         */
        public static Memo restore(Path file, Path previousSite, Library previousLibrary) {
            Memo memo = new Memo();
            if (previousLibrary == null) return memo;
            try {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2 && lines.get(0).equals(FORMAT)) {
                    memo.restored = new Restored(lines.get(1),
                            BrowserIndexWriter.Vocabulary.restore(lines.subList(2, lines.size()), previousSite), previousLibrary);
                }
            } catch (IOException | RuntimeException e) {
                // none, or not one this version wrote: every term is read from the index
            }
            return memo;
        }

        /**
         * Writes what {@link #restore} reads, for the terms of the last build; nothing when there is
         * none. On failure there is no file: the next build reads every term, nothing worse.
         */
        public void save(Path file) {
            List<String> lines = terms == null || fingerprint == null ? null : terms.lines();
            try {
                if (lines != null) {
                    AtomicWrite.write(file, out -> {
                        out.write(FORMAT + "\n" + fingerprint + "\n");
                        for (String line : lines) out.write(line + "\n");
                    });
                    return;
                }
            } catch (IOException e) {
                // deleted below
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a file this build could not replace is one whose fingerprint no index has
            }
        }

        private static String fingerprint(List<SearchDocument.Entry> docs, Map<String, String> signatures) {
            return Signature.of(docs.stream().map(doc -> signatures.get(doc.slug())).toList());
        }

        BrowserIndexWriter.Vocabulary update(List<SearchDocument.Entry> now, LuceneIndexer.Indexed indexed, Directory index) {
            Map<String, SearchDocument.Entry> nowBySlug = HashMap.newHashMap(now.size());
            for (SearchDocument.Entry doc : now) nowBySlug.put(doc.slug(), doc);
            Map<String, String> nowSignatures = indexed.signatures();
            boolean usable = signatures != null && indexed.previous() != null && indexed.previous().equals(signatures);
            Function<String, SearchDocument.Entry> oldDoc = slug -> docs.get(slug);
            Restored from = restored;
            restored = null;
            if (!usable && from != null && indexed.previous() != null
                    && from.fingerprint().equals(fingerprint(now, indexed.previous()))) {
                // A new process, after a build whose terms it saved: the index was updated from that
                // build's index. Its replaced documents come from the content it was built from.
                usable = true;
                signatures = indexed.previous();
                terms = from.terms();
                oldDoc = slug -> SearchDocument.entry(from.library(), slug, nowBySlug.get(slug).id()); // same ids
            }
            lastWasIncremental = usable;
            Map<String, String> before = signatures;
            signatures = null; // until the terms are consistent again
            fingerprint = null;
            if (usable) {
                List<SearchDocument> old = new ArrayList<>();
                List<SearchDocument> replacing = new ArrayList<>();
                for (Map.Entry<String, String> entry : nowSignatures.entrySet()) {
                    String slug = entry.getKey();
                    if (entry.getValue().equals(before.get(slug))) continue;
                    SearchDocument.Entry doc = oldDoc.apply(slug);
                    if (doc == null || !doc.signature().equals(before.get(slug))) {
                        usable = false; // not the document the index held: every term is read
                        break;
                    }
                    old.add(doc.document());
                    replacing.add(nowBySlug.get(slug).document());
                }
                if (usable && !old.isEmpty()) {
                    // Only terms whose postings among these documents changed are read again: an
                    // edit of a few words leaves the postings of every other word as they were.
                    BrowserIndexWriter.Vocabulary changed = new BrowserIndexWriter.Vocabulary();
                    for (List<String> term : LuceneIndexer.changedTerms(old, replacing, changed.fields())) {
                        changed.put(term.get(0), term.get(1), "");
                    }
                    try {
                        BrowserIndexWriter.updateTerms(terms, index, changed);
                    } catch (BrowserIndexWriter.Unreadable e) {
                        usable = false;
                    }
                }
            }
            if (!usable) {
                lastWasIncremental = false;
                terms = BrowserIndexWriter.readTerms(index);
            }
            docs = nowBySlug;
            signatures = nowSignatures;
            fingerprint = fingerprint(now, nowSignatures);
            return terms;
        }
    }

    /** A full index (no previous one). */
    public static Result write(Library published, Permalinks links, OutputTree tree, Path luceneDir) {
        return write(published, links, tree, luceneDir, null, null);
    }
}
