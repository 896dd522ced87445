package org.yogaflow.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;

/** Queries the Lucene index of a built site with the {@link Ranking} the browser also uses. */
public final class LuceneSearcher implements AutoCloseable {

    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(LuceneIndexer.ORD, SortField.Type.INT));

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private LuceneSearcher(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    public static LuceneSearcher open(Path dir) throws IOException {
        return new LuceneSearcher(LuceneFiles.open(dir));
    }

    /** The best {@code limit} matches, best first; none for a query without words. */
    public List<SearchHit> search(String text, int limit) {
        Query query = query(text);
        if (query == null || limit <= 0) return List.of();
        try {
            TopFieldDocs top = searcher.search(query, limit, ORDER, true);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc);
                int ord = ((Number) ((FieldDoc) sd).fields[1]).intValue();
                hits.add(new SearchHit(d.get(LuceneIndexer.SLUG), d.get(LuceneIndexer.KIND),
                        d.get(LuceneIndexer.DISPLAY), sd.score, ord));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /** The Lucene query of a text: every word must match (MUST), whole names add a bonus (SHOULD). */
    static Query query(String text) {
        List<String> words = Analysis.terms(text);
        if (words.isEmpty()) return null;
        if (words.size() > Ranking.MAX_WORDS) words = words.subList(0, Ranking.MAX_WORDS);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            List<Query> alternatives = new ArrayList<>();
            for (Ranking.Group group : Ranking.WORDS) alternatives.addAll(clauses(group, word));
            all.add(new DisjunctionMaxQuery(alternatives, 0f), BooleanClause.Occur.MUST);
        }
        List<Query> whole = new ArrayList<>();
        for (Ranking.Group group : Ranking.WHOLE) {
            whole.addAll(clauses(group, Ranking.join(words, group.form() == Ranking.Form.WHOLE_SANSKRIT)));
        }
        all.add(new DisjunctionMaxQuery(whole, 0f), BooleanClause.Occur.SHOULD);
        return all.build();
    }

    private static List<Query> clauses(Ranking.Group group, String word) {
        String term = switch (group.form()) {
            case SANSKRIT -> Analysis.sanskrit(word);
            default -> word;
        };
        List<Query> out = new ArrayList<>();
        if (group.form() == Ranking.Form.WORD || group.form() == Ranking.Form.STEM) {
            add(out, new TermQuery(new Term(group.exactField(), Analysis.stem(word))), group.exact());
        } else {
            add(out, new TermQuery(new Term(group.field(), term)), group.exact());
        }
        if (group.prefix() > 0) add(out, new PrefixQuery(new Term(group.field(), term)), group.prefix());
        if (group.fuzzy() > 0 && term.codePointCount(0, term.length()) >= Ranking.FUZZY_MIN_LENGTH) {
            add(out, new FuzzyQuery(new Term(group.field(), term), 1, Ranking.FUZZY_PREFIX, 50, true,
                    MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE), group.fuzzy());
        }
        return out;
    }

    private static void add(List<Query> out, Query q, int weight) {
        if (weight > 0) out.add(new BoostQuery(new ConstantScoreQuery(q), weight));
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        }
    }
}
