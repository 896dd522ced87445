package org.yogaflow.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How text becomes search terms, for Lucene and, through the same rules re-implemented in
 * {@code site-theme/assets/search.js}, for the browser. Small on purpose, so both sides can be
 * kept identical (tests run both over every word of the content):
 * <ol>
 * <li>tokens are runs of letters (with combining marks and apostrophes) or runs of digits;
 * <li>each is lower-cased, stripped of diacritics (NFD, marks dropped) and a few letters folded
 *     (ß → ss, æ → ae…), loses a possessive 's and its apostrophes;
 * <li>roman numerals I–XX and number words one–ten become digits ("Warrior II" = "warrior 2");
 * <li>stop words (including "pose", which every pose is) are dropped. This is a <em>raw</em> term,
 *     used for prefix and typo matching;
 * <li>for exact matching, English fields then stem with Porter ("stretches" → "stretch"), and
 *     Sanskrit fields apply transliteration rules instead ({@link #sanskrit}).
 * </ol>
 */
public final class Analysis {

    /** Runs of letters (NFC or decomposed) with apostrophes, or runs of digits ({@link WordTokenizer}; search.js uses this pattern). */
    static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}'’]+|\\p{Nd}+");

    /** Letters NFD does not decompose, folded to ASCII. */
    static final Map<String, String> FOLD = Map.of(
            "ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "đ", "d", "ð", "d", "þ", "th", "ł", "l", "ı", "i");

    static final Set<String> STOP_WORDS = Set.copyOf(new TreeSet<>(List.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its",
            "of", "on", "or", "the", "to", "with", "your", "you", "pose", "poses")));

    /** Roman numerals I–XX and number words one–ten, as digits. */
    static final Map<String, String> NUMERALS;

    static {
        Map<String, String> n = new LinkedHashMap<>();
        String[] roman = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
            "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
        for (int i = 0; i < roman.length; i++) n.put(roman[i], String.valueOf(i + 1));
        String[] words = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        for (int i = 0; i < words.length; i++) n.put(words[i], String.valueOf(i + 1));
        NUMERALS = Collections.unmodifiableMap(n);
    }

    static {
        LuceneFiles.quiet(); // this class is the first of the package to touch Lucene
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DOUBLED_VOWEL = Pattern.compile("([aeiou])\\1+");
    private static final Pattern RI_CONSONANT = Pattern.compile("ri(?=[bcdfghjklmnpqrstvwxyz])");

    private Analysis() {}

    /** The raw terms of a text, in order: steps 1 to 4 of the class comment. */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        char[] chars = text.toCharArray();
        for (int start = WordTokenizer.next(chars, chars.length, 0); start >= 0;) {
            int end = WordTokenizer.end(chars, chars.length, start);
            // Texts repeat a small vocabulary: each distinct token is normalised once per build.
            String term = term(new String(chars, start, end - start), RAW_TERMS);
            if (term != DROPPED) out.add(term);
            start = WordTokenizer.next(chars, chars.length, end);
        }
        return out;
    }

    /** One token (a {@link #TOKEN} match) as a raw term, or null when it is dropped. */
    static String normalize(String token) {
        // Texts repeat a small vocabulary, so each distinct token is normalized once per build.
        String cached = CACHE.get(token);
        if (cached != null) return cached == DROPPED ? null : cached;
        String term = compute(token);
        if (CACHE.size() < CACHE_LIMIT) CACHE.put(token, term == null ? DROPPED : term);
        return term;
    }

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 500_000;
    private static final String DROPPED = new String("");

    private static String compute(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        if (!isAscii(t)) {
            t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
            StringBuilder folded = new StringBuilder(t.length());
            t.codePoints().forEach(cp -> {
                String s = new String(Character.toChars(cp));
                folded.append(FOLD.getOrDefault(s, s));
            });
            t = folded.toString().replace('’', '\'');
        }
        if (t.indexOf('\'') >= 0) {
            if (t.endsWith("'s")) t = t.substring(0, t.length() - 2);
            t = t.replace("'", "");
        }
        if (t.isEmpty()) return null;
        if (t.length() > 1 && t.charAt(0) == '0' && t.matches("[0-9]+")) t = t.replaceFirst("^0+(?=.)", "");
        t = NUMERALS.getOrDefault(t, t);
        return STOP_WORDS.contains(t) ? null : t;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /**
     * The Sanskrit form of a raw term, so common transliterations meet: "sh" → "s" (ś, ṣ),
     * "ch" → "c" (IAST c), doubled vowels single (ā written "aa"), "ri" before a consonant → "r"
     * (ṛ written "ri"). "Shavasana", "Savasana" and "Śavāsana" all become "savasana".
     */
    public static String sanskrit(String raw) {
        String t = raw.replace("sh", "s").replace("ch", "c");
        t = DOUBLED_VOWEL.matcher(t).replaceAll("$1");
        return RI_CONSONANT.matcher(t).replaceAll("r");
    }

    private static final Analyzer STEMMER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(source));
        }
    };

    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();

    /** The Porter stem of a raw term, as Lucene's {@link PorterStemFilter} makes it. */
    public static String stem(String raw) {
        String cached = STEMS.get(raw);
        if (cached != null) return cached;
        String stem = porter(raw);
        if (STEMS.size() < CACHE_LIMIT) STEMS.put(raw, stem);
        return stem;
    }

    private static String porter(String raw) {
        try (TokenStream ts = STEMMER.tokenStream("stem", raw)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? term.toString() : raw;
            ts.end();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string does not fail
        }
    }

    /**
     * The Lucene analyzer of every search field: raw terms, then stems for fields named
     * {@code *_stem}, Sanskrit forms for {@code *_sa}. Whole-name fields are not analysed.
     * Each distinct token is analysed once per build (texts repeat a small vocabulary); stems
     * come from Lucene's Porter stemmer ({@link #stem}).
     */
    public static Analyzer analyzer() {
        // Components differ by field, so they must be reused per field, not globally.
        return new Analyzer(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new WordTokenizer();
                Map<String, String> cache = field.endsWith(Ranking.STEM_SUFFIX) ? STEM_TERMS
                        : field.endsWith(Ranking.SANSKRIT_SUFFIX) ? SANSKRIT_TERMS : RAW_TERMS;
                return new TokenStreamComponents(source, new TermFilter(source, cache));
            }
        };
    }

    private static final Map<String, String> RAW_TERMS = new ConcurrentHashMap<>();
    private static final Map<String, String> STEM_TERMS = new ConcurrentHashMap<>();
    private static final Map<String, String> SANSKRIT_TERMS = new ConcurrentHashMap<>();

    /** The stem of one token (a {@link #TOKEN} match), or null when it is dropped: what long texts index. */
    static String stemTerm(String token) {
        String term = term(token, STEM_TERMS);
        return term == DROPPED ? null : term;
    }

    /** The term of a token in a field kind ({@code cache} tells which), or {@link #DROPPED}. */
    private static String term(String token, Map<String, String> cache) {
        String cached = cache.get(token);
        if (cached != null) return cached;
        String raw = normalize(token);
        String term = raw == null ? DROPPED
                : cache == STEM_TERMS ? stem(raw) : cache == SANSKRIT_TERMS ? sanskrit(raw) : raw;
        if (cache.size() < CACHE_LIMIT) cache.put(token, term);
        return term;
    }

    /** Steps 2 to 5 of the class comment: each token becomes its term, or is dropped. */
    private static final class TermFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Map<String, String> cache;

        TermFilter(TokenStream input, Map<String, String> cache) {
            super(input);
            this.cache = cache;
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                String t = term(term.toString(), cache);
                if (t != DROPPED) {
                    term.setEmpty().append(t);
                    return true;
                }
            }
            return false;
        }
    }
}
