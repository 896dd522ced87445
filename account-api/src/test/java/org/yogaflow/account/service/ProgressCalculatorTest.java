package org.yogaflow.account.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yogaflow.account.store.PracticeFact;

/** Streaks and weeks in the user's time zone, across daylight-saving changes. */
class ProgressCalculatorTest {

    private static PracticeFact at(String localDateTime, ZoneId zone) {
        return new PracticeFact(LocalDateTime.parse(localDateTime).atZone(zone).toInstant().toEpochMilli(), 600, true, "morning-energizer");
    }

    @Test
    void lateEveningSessionsAcrossTheSpringChangeInNewYorkAreOneStreak() {
        ZoneId ny = ZoneId.of("America/New_York"); // clocks go forward on 2025-03-09 at 02:00
        List<PracticeFact> facts = new ArrayList<>();
        for (int day = 6; day <= 12; day++) {
            facts.add(at("2025-03-%02dT23:30".formatted(day), ny));
        }
        Instant now = LocalDateTime.parse("2025-03-12T23:45").atZone(ny).toInstant();
        Progress p = ProgressCalculator.progress(facts, ny, now);
        assertEquals(7, p.currentStreakDays());
        assertEquals(7, p.longestStreakDays());
        // The same instants read in UTC fall on the next calendar days, and still in a row.
        assertEquals(7, ProgressCalculator.progress(facts, ZoneOffset.UTC, now).longestStreakDays());
    }

    @Test
    void earlyMorningSessionsAcrossTheAutumnChangeInBerlinAreOneStreak() {
        ZoneId berlin = ZoneId.of("Europe/Berlin"); // clocks go back on 2025-10-26 at 03:00
        List<PracticeFact> facts = new ArrayList<>();
        for (int day = 24; day <= 28; day++) {
            facts.add(at("2025-10-%02dT00:15".formatted(day), berlin));
        }
        Instant now = LocalDateTime.parse("2025-10-28T09:00").atZone(berlin).toInstant();
        Progress p = ProgressCalculator.progress(facts, berlin, now);
        assertEquals(5, p.currentStreakDays());
        assertEquals(5, p.longestStreakDays());
    }

    @Test
    void aStepOfTwentyFourHoursIsNotADayWhenTheDayHasTwentyFive() {
        // 23:30 on 25 October, then exactly 24 h later: 22:30 on 26 October (a 25-hour day),
        // then 24 h later again: 22:30 on 27 October. Three calendar days in a row.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant first = LocalDateTime.parse("2025-10-25T23:30").atZone(berlin).toInstant();
        List<PracticeFact> facts = List.of(
                new PracticeFact(first.toEpochMilli(), 600, true, "a"),
                new PracticeFact(first.plusSeconds(24 * 3600).toEpochMilli(), 600, true, "a"),
                new PracticeFact(first.plusSeconds(48 * 3600).toEpochMilli(), 600, true, "a"));
        assertEquals(3, ProgressCalculator.progress(facts, berlin, first.plusSeconds(48 * 3600)).longestStreakDays());
        // In Tokyo (no DST) the same instants are 06:30 on three days in a row too.
        assertEquals(3, ProgressCalculator.progress(facts, ZoneId.of("Asia/Tokyo"), first.plusSeconds(48 * 3600)).longestStreakDays());
    }

    @Test
    void theCurrentStreakSurvivesUntilTheEndOfTheNextDayOnly() {
        ZoneId zone = ZoneId.of("Australia/Sydney");
        List<PracticeFact> facts = List.of(at("2025-04-01T07:00", zone), at("2025-04-02T07:00", zone));
        assertEquals(2, ProgressCalculator.progress(facts, zone, LocalDateTime.parse("2025-04-03T23:59").atZone(zone).toInstant()).currentStreakDays());
        assertEquals(0, ProgressCalculator.progress(facts, zone, LocalDateTime.parse("2025-04-04T00:01").atZone(zone).toInstant()).currentStreakDays());
        assertEquals(2, ProgressCalculator.progress(facts, zone, LocalDateTime.parse("2025-04-04T00:01").atZone(zone).toInstant()).longestStreakDays());
    }

    @Test
    void weeksStartOnMondayInTheUsersZone() {
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        // Sunday 23:00 in Los Angeles is Monday in UTC: it belongs to the Los Angeles week.
        List<PracticeFact> facts = List.of(at("2025-03-09T23:00", zone));
        Progress p = ProgressCalculator.progress(facts, zone, LocalDateTime.parse("2025-03-10T12:00").atZone(zone).toInstant());
        Progress.Week last = p.weeks().get(p.weeks().size() - 1);
        Progress.Week before = p.weeks().get(p.weeks().size() - 2);
        assertEquals("2025-03-10", last.weekStart().toString());
        assertEquals(0, last.minutes());
        assertEquals("2025-03-03", before.weekStart().toString());
        assertEquals(10, before.minutes());
    }
}
