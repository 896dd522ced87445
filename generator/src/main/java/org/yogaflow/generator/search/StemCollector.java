package org.yogaflow.generator.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct stems of the long texts (benefits, instructions), which are most of the words the
 * search stage reads: ten thousand instruction texts hold about 1.5 million words but only a
 * few thousand distinct ones. So each word is looked up by its characters where it stands,
 * without making a String of it, and only a word not seen before is analysed
 * ({@link Analysis#stemTerm}). Not thread-safe: one per indexing run.
 */
final class StemCollector {

    /** A distinct stem, and the last call that returned it (to return it once per call). */
    private static final class Stem {
        final String text;
        int seen;

        Stem(String text) {
            this.text = text;
        }
    }

    /** A dropped word (a stop word): known, never returned. */
    private static final Stem DROPPED = new Stem(null);

    private final Map<String, Stem> stems = new HashMap<>();
    /** Open addressing, linear probing: words (as char arrays) and their stems, at the same index. */
    private char[][] words = new char[1 << 12][];
    private Stem[] wordStems = new Stem[1 << 12];
    private int size;
    private int call;

    /** The distinct stems of {@code texts} (nulls skipped), in order of first occurrence. */
    List<String> of(List<String> texts) {
        call++;
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            if (text == null) continue;
            char[] chars = text.toCharArray();
            for (int start = WordTokenizer.next(chars, chars.length, 0); start >= 0;) {
                int end = WordTokenizer.end(chars, chars.length, start);
                Stem stem = lookup(chars, start, end);
                if (stem != DROPPED && stem.seen != call) {
                    stem.seen = call;
                    out.add(stem.text);
                }
                start = WordTokenizer.next(chars, chars.length, end);
            }
        }
        return out;
    }

    private Stem lookup(char[] chars, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) hash = 31 * hash + chars[i];
        int mask = words.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        for (char[] word; (word = words[slot]) != null; slot = (slot + 1) & mask) {
            if (java.util.Arrays.equals(word, 0, word.length, chars, start, end)) return wordStems[slot];
        }
        String token = new String(chars, start, end - start);
        String text = Analysis.stemTerm(token);
        Stem stem = text == null ? DROPPED : stems.computeIfAbsent(text, Stem::new);
        words[slot] = token.toCharArray();
        wordStems[slot] = stem;
        if (++size * 2 > words.length) grow();
        return stem;
    }

    private void grow() {
        char[][] oldWords = words;
        Stem[] oldStems = wordStems;
        words = new char[oldWords.length * 2][];
        wordStems = new Stem[oldWords.length * 2];
        int mask = words.length - 1;
        for (int i = 0; i < oldWords.length; i++) {
            char[] word = oldWords[i];
            if (word == null) continue;
            int hash = 0;
            for (char c : word) hash = 31 * hash + c;
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (words[slot] != null) slot = (slot + 1) & mask;
            words[slot] = word;
            wordStems[slot] = oldStems[i];
        }
    }
}
