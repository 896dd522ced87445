package org.yogaflow.generator.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" hints: the closest known word by edit distance, if it is close enough. */
public final class Suggest {

    private Suggest() {}

    /** The candidate nearest to {@code typed}, allowing about one edit in three letters. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String wanted = typed.toLowerCase(Locale.ROOT).trim();
        int allowed = Math.max(1, wanted.length() / 3);
        return candidates.stream()
                .filter(c -> distance(wanted, c.toLowerCase(Locale.ROOT)) <= allowed
                        || (wanted.length() >= 4 && c.toLowerCase(Locale.ROOT).startsWith(wanted)))
                .min(Comparator.<String>comparingInt(c -> distance(wanted, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** A hint naming the closest candidate, or listing all of them when none is close. */
    public static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates)
                .map(c -> "did you mean '" + c + "'?")
                .orElseGet(() -> "use one of: " + String.join(", ", candidates.stream().sorted().toList()));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
