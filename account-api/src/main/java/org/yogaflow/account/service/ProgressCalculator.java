package org.yogaflow.account.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yogaflow.account.store.PracticeFact;

/**
 * Computes progress and achievements from a user's sessions (sorted by start). Days are
 * calendar days in the user's time zone (the local date of each session, as a day number),
 * never 24-hour steps, so streaks stay right across daylight-saving changes (a 23- or 25-hour
 * day is still one day). Every logged session counts towards totals and streaks; "every sequence"
 * needs each to be logged as completed.
 */
final class ProgressCalculator {

    static final int WEEKS = 12;
    static final int TOP_SEQUENCES = 5;

    private ProgressCalculator() {}

    static Progress progress(List<PracticeFact> facts, ZoneId zone, Instant now) {
        ZoneRules rules = zone.getRules();
        long seconds = 0;
        long[] days = new long[facts.size()];
        Map<String, Long> perSequence = new HashMap<>();
        long today = epochDay(now.toEpochMilli(), rules);
        long thisWeek = monday(today);
        long firstWeek = thisWeek - 7L * (WEEKS - 1);
        long[] weekSeconds = new long[WEEKS];
        for (int i = 0; i < days.length; i++) {
            PracticeFact f = facts.get(i);
            seconds += f.durationSeconds();
            long day = epochDay(f.startedAt(), rules);
            days[i] = day;
            perSequence.merge(f.sequence(), 1L, Long::sum);
            long week = monday(day);
            if (week >= firstWeek && week <= thisWeek) {
                weekSeconds[(int) ((week - firstWeek) / 7)] += f.durationSeconds();
            }
        }
        List<Progress.Week> weeks = new ArrayList<>(WEEKS);
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(new Progress.Week(LocalDate.ofEpochDay(firstWeek + 7L * i), weekSeconds[i] / 60));
        }
        List<Progress.SequenceCount> top = perSequence.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SEQUENCES)
                .map(e -> new Progress.SequenceCount(e.getKey(), e.getValue()))
                .toList();
        long[] distinct = distinctSorted(days);
        return new Progress(facts.size(), seconds / 60, currentStreak(distinct, today), longestStreak(distinct), weeks, top);
    }

    /**
     * The calendar day (days since 1970-01-01) of an instant in the zone: the local date, not
     * a count of 24-hour periods, so daylight-saving days of 23 or 25 hours are one day each.
     */
    static long epochDay(long epochMilli, ZoneRules rules) {
        long second = Math.floorDiv(epochMilli, 1000);
        int offset = rules.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
        return Math.floorDiv(second + offset, 86_400);
    }

    /** The Monday on or before an epoch day (1970-01-01 was a Thursday). */
    static long monday(long epochDay) {
        return epochDay - Math.floorMod(epochDay + 3, 7);
    }

    private static long[] distinctSorted(long[] days) {
        long[] sorted = days.clone();
        Arrays.sort(sorted); // nearly sorted already: facts come in start order
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** Consecutive days up to today, or up to yesterday if today has no session yet. */
    static int currentStreak(long[] days, long today) {
        int i = days.length - 1;
        while (i >= 0 && days[i] > today) {
            i--; // a session "in the future" of the user's zone (clock skew) does not count yet
        }
        if (i < 0 || days[i] < today - 1) {
            return 0;
        }
        int streak = 1;
        while (i > 0 && days[i - 1] == days[i] - 1) {
            streak++;
            i--;
        }
        return streak;
    }

    static int longestStreak(long[] days) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < days.length; i++) {
            run = i > 0 && days[i - 1] == days[i] - 1 ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** The fixed achievements, each earned at the start of the session that earned it. */
    static List<Achievement> achievements(List<PracticeFact> facts, ZoneId zone, Set<String> catalogSequences) {
        Map<String, Instant> earned = new HashMap<>();
        List<PracticeFact> sorted = facts.stream().sorted(Comparator.comparingLong(PracticeFact::startedAt)).toList();
        long seconds = 0;
        int run = 0;
        long lastDay = Long.MIN_VALUE;
        ZoneRules rules = zone.getRules();
        Set<String> completed = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            PracticeFact f = sorted.get(i);
            Instant at = Instant.ofEpochMilli(f.startedAt());
            int count = i + 1;
            earnOnce(earned, "first-practice", count >= 1, at);
            earnOnce(earned, "sessions-10", count >= 10, at);
            earnOnce(earned, "sessions-50", count >= 50, at);
            earnOnce(earned, "sessions-100", count >= 100, at);
            seconds += f.durationSeconds();
            earnOnce(earned, "hours-10", seconds >= 10 * 3600, at);
            long day = epochDay(f.startedAt(), rules);
            if (day != lastDay) {
                run = lastDay != Long.MIN_VALUE && lastDay + 1 == day ? run + 1 : 1;
                lastDay = day;
            }
            earnOnce(earned, "streak-3", run >= 3, at);
            earnOnce(earned, "streak-7", run >= 7, at);
            earnOnce(earned, "streak-30", run >= 30, at);
            if (f.completed() && catalogSequences.contains(f.sequence())) {
                completed.add(f.sequence());
            }
            earnOnce(earned, "every-sequence", !catalogSequences.isEmpty() && completed.containsAll(catalogSequences), at);
        }
        List<Achievement> all = new ArrayList<>();
        for (String[] a : CATALOG) {
            all.add(new Achievement(a[0], a[1], earned.get(a[0])));
        }
        return all;
    }

    private static void earnOnce(Map<String, Instant> earned, String id, boolean condition, Instant at) {
        if (condition) {
            earned.putIfAbsent(id, at);
        }
    }

    private static final String[][] CATALOG = {
            {"first-practice", "First practice"},
            {"streak-3", "3-day streak"},
            {"streak-7", "7-day streak"},
            {"streak-30", "30-day streak"},
            {"sessions-10", "10 sessions"},
            {"sessions-50", "50 sessions"},
            {"sessions-100", "100 sessions"},
            {"hours-10", "10 hours of practice"},
            {"every-sequence", "Every sequence completed once"},
    };
}
