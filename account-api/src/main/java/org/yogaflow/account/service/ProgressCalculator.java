package org.yogaflow.account.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yogaflow.account.store.PracticeFact;

/**
 * Computes progress and achievements from a user's sessions (sorted by start). Days are
 * calendar days in the user's time zone, counted with {@link LocalDate} arithmetic rather than
 * 24-hour steps, so streaks stay right across daylight-saving changes (a 23- or 25-hour day is
 * still one day). Every logged session counts towards totals and streaks; "every sequence"
 * needs each to be logged as completed.
 */
final class ProgressCalculator {

    static final int WEEKS = 12;
    static final int TOP_SEQUENCES = 5;

    private ProgressCalculator() {}

    static Progress progress(List<PracticeFact> facts, ZoneId zone, Instant now) {
        long seconds = 0;
        TreeSet<LocalDate> days = new TreeSet<>();
        Map<String, Long> perSequence = new HashMap<>();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstWeek = thisWeek.minusWeeks(WEEKS - 1);
        Map<LocalDate, Long> weekSeconds = new LinkedHashMap<>();
        for (int i = 0; i < WEEKS; i++) {
            weekSeconds.put(firstWeek.plusWeeks(i), 0L);
        }
        for (PracticeFact f : facts) {
            seconds += f.durationSeconds();
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(f.startedAt()), zone);
            days.add(day);
            perSequence.merge(f.sequence(), 1L, Long::sum);
            LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weekSeconds.computeIfPresent(week, (w, s) -> s + f.durationSeconds());
        }
        List<Progress.Week> weeks = new ArrayList<>();
        weekSeconds.forEach((w, s) -> weeks.add(new Progress.Week(w, s / 60)));
        List<Progress.SequenceCount> top = perSequence.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SEQUENCES)
                .map(e -> new Progress.SequenceCount(e.getKey(), e.getValue()))
                .toList();
        return new Progress(facts.size(), seconds / 60, currentStreak(days, today), longestStreak(days), weeks, top);
    }

    /** Consecutive days up to today, or up to yesterday if today has no session yet. */
    static int currentStreak(Set<LocalDate> days, LocalDate today) {
        LocalDate day = days.contains(today) ? today : today.minusDays(1);
        int streak = 0;
        while (days.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    static int longestStreak(TreeSet<LocalDate> days) {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate d : days) {
            run = previous != null && previous.plusDays(1).equals(d) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = d;
        }
        return longest;
    }

    /** The fixed achievements, each earned at the start of the session that earned it. */
    static List<Achievement> achievements(List<PracticeFact> facts, ZoneId zone, Set<String> catalogSequences) {
        Map<String, Instant> earned = new HashMap<>();
        List<PracticeFact> sorted = facts.stream().sorted(Comparator.comparingLong(PracticeFact::startedAt)).toList();
        long seconds = 0;
        int run = 0;
        LocalDate lastDay = null;
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
            LocalDate day = LocalDate.ofInstant(at, zone);
            if (!day.equals(lastDay)) {
                run = lastDay != null && lastDay.plusDays(1).equals(day) ? run + 1 : 1;
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
