package org.yogaflow.generator.search;

import java.util.Arrays;

/**
 * The browser index's compact list of document ids: ascending ids as gaps, each gap minus one
 * written in base 32, most significant digit first, with the last digit of each number taken
 * from a second alphabet so numbers need no separator. Dense lists (a word in every pose) are
 * one repeated character, which gzip shrinks to almost nothing.
 */
final class Postings {

    static final String LAST = "0123456789abcdefghijklmnopqrstuv";
    static final String MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~*+";

    private Postings() {}

    static String encode(int[] ids) {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        StringBuilder out = new StringBuilder(sorted.length);
        int previous = -1;
        for (int id : sorted) {
            if (id == previous) continue;
            int value = id - previous - 1;
            previous = id;
            char[] digits = new char[7];
            int n = 0;
            digits[n++] = LAST.charAt(value & 31);
            value >>>= 5;
            while (value > 0) {
                digits[n++] = MORE.charAt(value & 31);
                value >>>= 5;
            }
            for (int i = n - 1; i >= 0; i--) out.append(digits[i]);
        }
        return out.toString();
    }

    static int[] decode(String s) {
        int[] out = new int[s.length()];
        int n = 0;
        int value = 0;
        int previous = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int last = LAST.indexOf(c);
            if (last < 0) {
                value = value * 32 + MORE.indexOf(c);
                continue;
            }
            previous += value * 32 + last + 1;
            out[n++] = previous;
            value = 0;
        }
        return Arrays.copyOf(out, n);
    }
}
