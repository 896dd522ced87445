package org.yogaflow.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yogaflow.generator.content.ContentLoader;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.publish.OutputTree;
import org.yogaflow.generator.render.Permalinks;

/** The real content of the repository, indexed once per JVM for the search tests. */
final class SearchFixture {

    static final Path CONTENT = Path.of("..", "content").toAbsolutePath().normalize();

    private static SearchFixture real;

    final Library library;
    final Path site;
    final Path lucene;
    final SearchIndexer.Result result;

    private SearchFixture(Library library, Path dir) {
        this.library = library;
        this.site = dir.resolve("site");
        this.lucene = SearchIndexer.luceneDir(site);
        this.result = SearchIndexer.write(library, new Permalinks("http://localhost:8080/"), new OutputTree(site), lucene);
    }

    static synchronized SearchFixture real() {
        if (real == null) real = of(load(CONTENT));
        return real;
    }

    static Library load(Path content) {
        Diagnostics diagnostics = new Diagnostics();
        Library library = ContentLoader.load(content, diagnostics);
        if (diagnostics.hasErrors()) throw new IllegalStateException("content has errors: " + diagnostics.sorted());
        return library.published(false);
    }

    static SearchFixture of(Library library) {
        try {
            Path dir = Files.createTempDirectory("yogaflow-search");
            dir.toFile().deleteOnExit();
            return new SearchFixture(library, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LuceneSearcher searcher() {
        try {
            return LuceneSearcher.open(lucene);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
