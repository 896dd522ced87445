package org.yogaflow.generator.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ranking, shared by Lucene and the browser (which reads these weights from the index
 * manifest). A document matches a query when every query word matches it somewhere; its score
 * is, per word, the best weight among the groups below (names, then body area, category and
 * level, then benefits, then instructions), plus a bonus when the whole query equals or begins
 * one of its names. All weights are small integers, so float and double sums agree exactly;
 * equal scores go to the lower document id.
 *
 * <p>Match modes: <b>exact</b> compares stems (Sanskrit forms for Sanskrit groups), <b>prefix</b>
 * finds terms that begin with the query word, <b>fuzzy</b> allows one edit (insert, delete,
 * substitute or swap two neighbours) for words of {@value #FUZZY_MIN_LENGTH} letters or more,
 * keeping the first letter.
 */
public final class Ranking {

    public static final String STEM_SUFFIX = "_stem";
    public static final String SANSKRIT_SUFFIX = "_sa";
    public static final int FUZZY_MIN_LENGTH = 5;
    /** Letters at the start of a word that a typo may not change (keeps the browser's lookups local). */
    public static final int FUZZY_PREFIX = 1;
    /** Words after this many are ignored. */
    public static final int MAX_WORDS = 8;

    /** How a group's text is analysed and matched. */
    public enum Form {
        /** Raw terms for prefix and fuzzy, stems ({@code field_stem}) for exact. */
        WORD,
        /** Sanskrit forms ({@code field_sa}) for all three modes. */
        SANSKRIT,
        /** Stems ({@code field_stem}), exact only: long text. */
        STEM,
        /** Whole names as one term (raw terms joined by spaces), matched by the whole query. */
        WHOLE,
        /** Whole names in Sanskrit forms ({@code field_sa}). */
        WHOLE_SANSKRIT
    }

    /** A field of the documents with its weights per match mode (0: mode not used). */
    public record Group(String name, Form form, int exact, int prefix, int fuzzy,
            Function<SearchDocument, List<String>> source) {

        /** The field whose terms the indexes keep: raw, Sanskrit or stemmed. */
        public String field() {
            return switch (form) {
                case WORD, WHOLE -> name;
                case SANSKRIT, WHOLE_SANSKRIT -> name + SANSKRIT_SUFFIX;
                case STEM -> name + STEM_SUFFIX;
            };
        }

        /** The field exact matches look in. */
        public String exactField() {
            return form == Form.WORD ? name + STEM_SUFFIX : field();
        }

        public boolean whole() {
            return form == Form.WHOLE || form == Form.WHOLE_SANSKRIT;
        }
    }

    /** Groups that each query word is matched against. */
    public static final List<Group> WORDS = List.of(
            new Group("name", Form.WORD, 100, 70, 50, d -> List.of(d.name())),
            new Group("sanskrit", Form.SANSKRIT, 95, 66, 48, d -> optional(d.sanskrit())),
            new Group("alias", Form.WORD, 90, 62, 45, SearchDocument::aliases),
            new Group("alias", Form.SANSKRIT, 90, 62, 45, SearchDocument::aliases),
            new Group("area", Form.WORD, 30, 20, 15, SearchDocument::areas),
            new Group("category", Form.WORD, 30, 20, 15, d -> optional(d.category())),
            new Group("level", Form.WORD, 30, 20, 15, d -> List.of(d.difficulty())),
            new Group("benefits", Form.STEM, 6, 0, 0, SearchDocument::benefits),
            new Group("text", Form.STEM, 2, 0, 0, d -> List.of(d.text())));

    /**
     * Groups the whole query is matched against, once, for a bonus that orders documents within
     * a tier (Cow Pose before Cow Face Pose for "cow"): it is smaller than the gaps between tiers.
     */
    public static final List<Group> WHOLE = List.of(
            new Group("full", Form.WHOLE, 9, 5, 3, SearchDocument::names),
            new Group("full", Form.WHOLE_SANSKRIT, 8, 4, 2, SearchDocument::names));

    private Ranking() {}

    public static List<Group> groups() {
        List<Group> all = new ArrayList<>(WORDS);
        all.addAll(WHOLE);
        return all;
    }

    /** The whole-name terms of a document for a WHOLE or WHOLE_SANSKRIT group. */
    static List<String> wholeTerms(Group group, SearchDocument doc) {
        List<String> out = new ArrayList<>();
        for (String name : group.source().apply(doc)) {
            String joined = join(Analysis.terms(name), group.form() == Form.WHOLE_SANSKRIT);
            if (!joined.isEmpty() && !out.contains(joined)) out.add(joined);
        }
        return out;
    }

    /** Raw terms joined by spaces, in Sanskrit forms if asked: the whole-name form of a text. */
    static String join(List<String> raw, boolean sanskrit) {
        return String.join(" ", sanskrit ? raw.stream().map(Analysis::sanskrit).toList() : raw);
    }

    /** The ranking settings as the browser reads them from the manifest. */
    static Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fuzzyMinLength", FUZZY_MIN_LENGTH);
        m.put("fuzzyPrefix", FUZZY_PREFIX);
        m.put("maxWords", MAX_WORDS);
        m.put("words", WORDS.stream().map(Ranking::json).toList());
        m.put("whole", WHOLE.stream().map(Ranking::json).toList());
        return m;
    }

    private static Map<String, Object> json(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", g.field());
        m.put("form", g.form().name().toLowerCase(java.util.Locale.ROOT));
        m.put("exact", g.exact());
        m.put("prefix", g.prefix());
        m.put("fuzzy", g.fuzzy());
        return m;
    }

    private static List<String> optional(String s) {
        return s == null ? List.of() : List.of(s);
    }
}
