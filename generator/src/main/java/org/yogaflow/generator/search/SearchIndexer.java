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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.lucene.store.Directory;
import org.yogaflow.generator.build.Parallel;
import org.yogaflow.generator.cache.AtomicWrite;
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
     * The Lucene index is written on a thread of its own meanwhile: after an edit, the browser
     * index is updated from the memo, without reading the Lucene index.
     *
     * @param previousLuceneDir the index of the build that {@code tree} starts from, or null: when
     *                          it holds the same documents, only changed ones are indexed again
     * @param memo              what this process kept from its last build, or what a new process
     *                          restored from the last build's cache ({@link Memo#restore}); or null
     */
    public static Result write(Library published, Permalinks links, OutputTree tree, Path luceneDir,
            Path previousLuceneDir, Memo memo) {
        long start = System.nanoTime();
        List<SearchDocument.Entry> docs = SearchDocument.entries(published,
                memo == null ? (key, make) -> make.get() : memo.documents(published.taxonomy()));
        long exporting = System.nanoTime();
        LuceneIndexer.Documents now = LuceneIndexer.Documents.of(docs);
        LuceneIndexer.Documents known = memo == null ? null : memo.known();
        long[] indexed = new long[1];
        FutureTask<Directory> lucene = new FutureTask<>(() -> {
            long begin = System.nanoTime();
            Directory index = LuceneIndexer.index(docs, now, previousLuceneDir, luceneDir, known);
            indexed[0] = System.nanoTime() - begin;
            return index;
        });
        Thread.ofPlatform().name("yogaflow-lucene").daemon(true).start(lucene);
        Supplier<Directory> index = () -> Parallel.result(lucene);
        boolean closed = false;
        try {
            BrowserIndexWriter.Vocabulary terms = memo == null ? BrowserIndexWriter.readTerms(index.get())
                    : memo.update(docs, now, index);
            BrowserIndexWriter writer = new BrowserIndexWriter(published, links, tree);
            String manifest;
            try {
                manifest = writer.write(terms);
            } catch (BrowserIndexWriter.Unreadable e) {
                // A file of the previous build is missing or changed: every term is read again.
                terms = BrowserIndexWriter.readTerms(index.get());
                manifest = writer.write(terms);
                if (memo != null) memo.terms = terms;
            }
            long browser = System.nanoTime() - exporting;
            Directory written = index.get(); // rethrows the Lucene index's failure
            closed = true;
            written.close();
            return new Result(Map.of("index", manifest), docs.size(), String.format(Locale.ROOT,
                    "documents %d ms, browser index %d ms%s, Lucene %d ms alongside", (exporting - start) / 1_000_000,
                    browser / 1_000_000, memo != null && memo.lastWasIncremental() ? " (changed terms only)" : "",
                    indexed[0] / 1_000_000));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing an index does not fail
        } finally {
            // After a failure, the Lucene thread is not left writing: the caller deletes its folder.
            if (!closed) {
                try {
                    lucene.get().close();
                } catch (ExecutionException | InterruptedException | CancellationException | IOException e) {
                    // the build fails anyway
                }
            }
        }
    }

    public static Result write(Library published, Permalinks links, OutputTree tree, Path luceneDir,
            Path previousLuceneDir) {
        return write(published, links, tree, luceneDir, previousLuceneDir, null);
    }

    /**
     * The browser index's terms as the last build left them, and the documents they were made
     * from. After an edit, only the terms of the replaced documents (old and new versions) change,
     * and they are updated from the analysis of both versions, without reading the index: what
     * makes a rebuild after an edit fast. A long-running process ({@code yogaflow dev}) keeps its
     * memo from build to build; a new process restores the last build's from the cache.
     * Anything that does not add up means every term is read from the index.
     */
    public static final class Memo {
        private static final String FORMAT = "yogaflow search terms 2";

        // The documents of the last build, in id order, and what the terms were made from (the
        // same documents' slugs and signatures; null while the terms are being changed).
        private List<SearchDocument.Entry> docs;
        private LuceneIndexer.Documents documents;
        private BrowserIndexWriter.Vocabulary terms;
        private boolean lastWasIncremental;
        // What a new process starts from (restore): the terms of the last build, read from its
        // files when needed, the documents they were made from, and a library those documents
        // may have come from.
        private Restored restored;
        // Each pose's document (entry), by the very same pose and its id, with the labels of the
        // taxonomy. Used by one thread at a time.
        private final Generations<Same, SearchDocument.Entry> made = new Generations<>(HashMap::newHashMap);
        private Taxonomy taxonomy;

        private record Restored(LuceneIndexer.Documents documents, BrowserIndexWriter.Vocabulary terms, Library library) {}

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

        /** The documents of the last build, as far as this memo knows them; null when it does not. */
        LuceneIndexer.Documents known() {
            return documents != null ? documents : restored != null ? restored.documents() : null;
        }

        /**
         * A memo for a new process, from what {@link #save} wrote after the last build: its terms are
         * read from that build's files, in {@code previousSite}, only where needed; the documents
         * replaced are made again from {@code previousLibrary} (the content as a snapshot kept it),
         * when that gives the documents of the saved signatures. None of it otherwise.
         */
        public static Memo restore(Path file, Path previousSite, Library previousLibrary) {
            Memo memo = new Memo();
            if (previousLibrary == null) return memo;
            try {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2 && lines.get(0).equals(FORMAT)) {
                    int n = Integer.parseInt(lines.get(1));
                    List<String> slugs = new ArrayList<>(n);
                    List<String> signatures = new ArrayList<>(n);
                    for (String line : lines.subList(2, 2 + n)) {
                        int tab = line.indexOf('\t');
                        slugs.add(line.substring(0, tab));
                        signatures.add(line.substring(tab + 1));
                    }
                    memo.restored = new Restored(new LuceneIndexer.Documents(slugs, signatures),
                            BrowserIndexWriter.Vocabulary.restore(lines.subList(2 + n, lines.size()), previousSite),
                            previousLibrary);
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
            List<String> lines = terms == null || documents == null ? null : terms.lines();
            try {
                if (lines != null) {
                    AtomicWrite.write(file, out -> {
                        out.write(FORMAT + "\n" + documents.slugs().size() + "\n");
                        for (int i = 0; i < documents.slugs().size(); i++) {
                            out.write(documents.slugs().get(i) + "\t" + documents.signatures().get(i) + "\n");
                        }
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
                // a file this build could not replace is one whose documents no build has
            }
        }

        /**
         * The terms of {@code now} ({@code nowDocuments} as {@link LuceneIndexer.Documents}): those
         * of the last build with the replaced documents' terms updated, when this memo knows what
         * they were made from and the documents have the same ids; otherwise every term, read from
         * {@code index}.
         */
        BrowserIndexWriter.Vocabulary update(List<SearchDocument.Entry> now, LuceneIndexer.Documents nowDocuments,
                Supplier<Directory> index) {
            LuceneIndexer.Documents before = documents;
            IntFunction<SearchDocument.Entry> oldDoc = id -> docs.get(id);
            Restored from = restored;
            restored = null;
            if (before == null && from != null) {
                // A new process, after a build that saved its terms: the replaced documents come
                // from the content it was built from.
                before = from.documents();
                terms = from.terms();
                oldDoc = id -> SearchDocument.entry(from.library(), from.documents().slugs().get(id), id);
            }
            documents = null; // until the terms are consistent again
            boolean usable = before != null && terms != null && before.slugs().size() == now.size();
            if (usable) {
                List<SearchDocument> old = new ArrayList<>();
                List<SearchDocument> replacing = new ArrayList<>();
                for (SearchDocument.Entry doc : now) {
                    if (!doc.slug().equals(before.slugs().get(doc.id()))) {
                        usable = false; // added, removed or renamed: ids move
                        break;
                    }
                    String signature = before.signatures().get(doc.id());
                    if (doc.signature().equals(signature)) continue;
                    SearchDocument.Entry was = oldDoc.apply(doc.id());
                    if (was == null || !was.signature().equals(signature)) {
                        usable = false; // not the document the terms were made from
                        break;
                    }
                    old.add(was.document());
                    replacing.add(doc.document());
                }
                if (usable && !old.isEmpty()) {
                    try {
                        terms.replace(LuceneIndexer.terms(old, terms.fields()), LuceneIndexer.terms(replacing, terms.fields()));
                    } catch (BrowserIndexWriter.Unreadable e) {
                        usable = false;
                    }
                }
            }
            lastWasIncremental = usable;
            if (!usable) terms = BrowserIndexWriter.readTerms(index.get());
            docs = now;
            documents = nowDocuments;
            return terms;
        }
    }

    /** A full index (no previous one). */
    public static Result write(Library published, Permalinks links, OutputTree tree, Path luceneDir) {
        return write(published, links, tree, luceneDir, null, null);
    }
}
