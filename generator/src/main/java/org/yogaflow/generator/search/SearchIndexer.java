package org.yogaflow.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.store.Directory;
import org.yogaflow.generator.content.Library;
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
     */
    public static Result write(Library published, Permalinks links, OutputTree tree, Path luceneDir,
            Path previousLuceneDir) {
        long start = System.nanoTime();
        List<SearchDocument> docs = SearchDocument.of(published);
        long indexing = System.nanoTime();
        try (Directory index = LuceneIndexer.index(docs, previousLuceneDir, luceneDir)) {
            long exporting = System.nanoTime();
            String manifest = new BrowserIndexWriter(published, links, tree).write(index);
            return new Result(Map.of("index", manifest), docs.size(), String.format(Locale.ROOT,
                    "documents %d ms, Lucene %d ms, browser index %d ms", (indexing - start) / 1_000_000,
                    (exporting - indexing) / 1_000_000, (System.nanoTime() - exporting) / 1_000_000));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing an index does not fail
        }
    }

    /** A full index (no previous one). */
    public static Result write(Library published, Permalinks links, OutputTree tree, Path luceneDir) {
        return write(published, links, tree, luceneDir, null);
    }
}
