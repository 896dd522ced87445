package org.yogaflow.account.service;

import java.time.LocalDate;
import java.util.List;

/** Practice totals, streaks (in days of the user's time zone), recent weeks and top sequences. */
public record Progress(long totalSessions, long totalMinutes, int currentStreakDays, int longestStreakDays,
                       List<Week> weeks, List<SequenceCount> topSequences) {

    /** Minutes practised in the week (Monday to Sunday) that starts on {@code weekStart}. */
    public record Week(LocalDate weekStart, long minutes) {}

    public record SequenceCount(String sequence, long sessions) {}
}
