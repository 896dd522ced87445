package org.yogaflow.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.store.Directory;
import org.yogaflow.generator.cache.Generations;
import org.yogaflow.generator.cache.Same;
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
        List<SearchDocument> docs = memo == null ? SearchDocument.of(published)
                : SearchDocument.of(published, memo.documents(published.taxonomy()));
        long indexing = System.nanoTime();
        LuceneIndexer.Indexed indexed = LuceneIndexer.index(docs, previousLuceneDir, luceneDir,
                memo == null ? LuceneIndexer::signature : memo.signer());
        try (Directory index = indexed.directory()) {
            long exporting = System.nanoTime();
            BrowserIndexWriter.Vocabulary terms = memo == null ? BrowserIndexWriter.readTerms(index)
                    : memo.update(docs, indexed, index);
            String manifest = new BrowserIndexWriter(published, links, tree).write(terms);
            return new Result(Map.of("index", manifest), docs.size(), String.format(Locale.ROOT,
                    "documents %d ms, Lucene %d ms, browser index %d ms", (indexing - start) / 1_000_000,
                    (exporting - indexing) / 1_000_000, (System.nanoTime() - exporting) / 1_000_000));
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
        private Map<String, SearchDocument> docs; // by slug
        private Map<String, String> signatures;  // by slug; null while the terms are being changed
        private BrowserIndexWriter.Vocabulary terms;
        private boolean lastWasIncremental;
        // Each document made, by the very same pose and its id, with the labels of taxonomy; and
        // each document's signature, by the very same document. Used by one thread at a time.
        private final Generations<Same, SearchDocument> made = new Generations<>(HashMap::newHashMap);
        private final Generations<SearchDocument, String> signed = new Generations<>(IdentityHashMap::new);
        private Taxonomy taxonomy;

        /**
         * Pose documents taken from the last build when made of the same pose, at the same
         * position, with the same labels.
         */
        SearchDocument.Cache documents(Taxonomy taxonomy) {
            made.next(taxonomy.equals(this.taxonomy));
            this.taxonomy = taxonomy;
            return made::get;
        }

        /** Signatures for this build's documents, taken from the last build where the document is the same. */
        Function<SearchDocument, String> signer() {
            signed.next(true);
            return doc -> signed.get(doc, () -> LuceneIndexer.signature(doc));
        }

        /** Whether the last build read only changed terms (for tests). */
        public boolean lastWasIncremental() {
            return lastWasIncremental;
        }

        BrowserIndexWriter.Vocabulary update(List<SearchDocument> now, LuceneIndexer.Indexed indexed, Directory index) {
            Map<String, SearchDocument> nowBySlug = HashMap.newHashMap(now.size());
            for (SearchDocument doc : now) nowBySlug.put(doc.slug(), doc);
            Map<String, String> nowSignatures = indexed.signatures();
            boolean usable = signatures != null && indexed.previous() != null && indexed.previous().equals(signatures);
            lastWasIncremental = usable;
            Map<String, String> before = signatures;
            signatures = null; // until the terms are consistent again
            if (!usable) {
                terms = BrowserIndexWriter.readTerms(index);
            } else {
                List<SearchDocument> old = new ArrayList<>();
                List<SearchDocument> replacing = new ArrayList<>();
                nowSignatures.forEach((slug, signature) -> {
                    if (!signature.equals(before.get(slug))) {
                        old.add(docs.get(slug));
                        replacing.add(nowBySlug.get(slug));
                    }
                });
                if (!old.isEmpty()) {
                    // Only terms whose postings among these documents changed are read again: an
                    // edit of a few words leaves the postings of every other word as they were.
                    try (Directory was = LuceneIndexer.write(old); Directory is = LuceneIndexer.write(replacing)) {
                        BrowserIndexWriter.updateTerms(terms, index, BrowserIndexWriter.Vocabulary.difference(
                                BrowserIndexWriter.readTerms(was), BrowserIndexWriter.readTerms(is)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e); // an index in memory does not fail to close
                    }
                }
            }
            docs = nowBySlug;
            signatures = nowSignatures;
            return terms;
        }
    }

    /** A full index (no previous one). */
    public static Result write(Library published, Permalinks links, OutputTree tree, Path luceneDir) {
        return write(published, links, tree, luceneDir, null, null);
    }
}
