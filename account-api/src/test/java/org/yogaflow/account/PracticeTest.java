package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yogaflow.account.TestApi.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.yogaflow.account.TestApi.Reply;

/** Sessions, idempotency, pagination, progress, favorites, achievements and popularity, over HTTP. */
class PracticeTest extends OneApiPerClass {

    static String session(String sequence, int seconds, boolean completed, String startedAt) {
        return startedAt == null
                ? json("sequence", sequence, "duration_seconds", seconds, "completed", completed)
                : json("sequence", sequence, "duration_seconds", seconds, "completed", completed, "started_at", startedAt);
    }

    @Test
    void aSessionIsStoredAndShownWithTheContractFields() {
        String token = api.newToken();
        Reply r = api.postAs(token, "/me/sessions", json("sequence", "morning-energizer", "duration_seconds", 905,
                "completed", true, "started_at", "2025-03-30T07:15:00+02:00", "notes", "Felt good"));
        assertEquals(201, r.status(), r.text());
        JsonNode s = r.json();
        assertEquals("morning-energizer", s.path("sequence").asText());
        assertEquals(905, s.path("duration_seconds").asInt());
        assertTrue(s.path("completed").asBoolean());
        assertEquals("2025-03-30T05:15:00Z", s.path("started_at").asText());
        assertEquals("Felt good", s.path("notes").asText());
        assertTrue(s.has("id") && s.has("created_at"));
        assertEquals("/api/v1/me/sessions/" + s.path("id").asLong(), r.header("Location"));

        JsonNode list = api.getAs(token, "/me/sessions").json();
        assertEquals(1, list.path("items").size());
        assertTrue(list.path("next_cursor").isNull());
        assertEquals(s, list.path("items").get(0));
    }

    @Test
    void invalidSessionsAreRefused() {
        String token = api.newToken();
        String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        Object[][] cases = {
                {session("no-such-sequence", 600, true, null), "sequence"},
                {session("morning-energizer", 0, true, null), "duration_seconds"},
                {session("morning-energizer", 6 * 3600 + 1, true, null), "duration_seconds"},
                {session("morning-energizer", 600, true, future), "started_at"},
                {session("morning-energizer", 600, true, "yesterday"), "started_at"},
                {json("sequence", "morning-energizer", "duration_seconds", "600", "completed", true), "duration_seconds"},
                {json("sequence", "morning-energizer", "duration_seconds", 600.5, "completed", true), "duration_seconds"},
                {json("sequence", "morning-energizer", "duration_seconds", 1e12, "completed", true), "duration_seconds"},
                {json("sequence", "morning-energizer", "duration_seconds", 600, "completed", "yes"), "completed"},
                {json("sequence", 7, "duration_seconds", 600, "completed", true), "sequence"},
                {json("duration_seconds", 600, "completed", true), "sequence"},
                {json("sequence", "morning-energizer", "duration_seconds", 600, "completed", true, "color", "red"), "color"},
                {json("sequence", "morning-energizer", "duration_seconds", 600, "completed", true, "notes", "x".repeat(2001)), "notes"},
        };
        for (Object[] c : cases) {
            Reply r = api.postAs(token, "/me/sessions", (String) c[0]);
            assertEquals(400, r.status(), c[0] + " -> " + r.text());
            assertEquals("validation_failed", r.errorCode());
            assertTrue(r.json().path("error").path("fields").has((String) c[1]), c[0] + " -> " + r.text());
        }
        assertEquals(201, api.postAs(token, "/me/sessions", session("morning-energizer", 6 * 3600, false, null)).status());
        assertEquals(201, api.postAs(token, "/me/sessions", session("morning-energizer", 1, false, null)).status());
        assertEquals(2, api.getAs(token, "/me/sessions").json().path("items").size(), "nothing invalid was stored");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheOriginal() {
        String token = api.newToken();
        String body = session("back-pain-relief", 1200, true, null);
        Reply first = api.postAs(token, "/me/sessions", body, "Idempotency-Key", "key-1");
        Reply retry = api.postAs(token, "/me/sessions", body, "Idempotency-Key", "key-1");
        assertEquals(201, first.status());
        assertEquals(200, retry.status());
        assertEquals(first.json(), retry.json());
        Reply other = api.postAs(token, "/me/sessions", session("back-pain-relief", 60, true, null), "Idempotency-Key", "key-1");
        assertEquals(422, other.status());
        assertEquals("idempotency_key_reused", other.errorCode());
        assertEquals(201, api.postAs(token, "/me/sessions", body, "Idempotency-Key", "key-2").status());
        assertEquals(400, api.postAs(token, "/me/sessions", body, "Idempotency-Key", "has space").status());
        // Keys belong to a user: another user's same key is a new session.
        assertEquals(201, api.postAs(api.newToken(), "/me/sessions", body, "Idempotency-Key", "key-1").status());
        assertEquals(2, api.getAs(token, "/me/sessions").json().path("items").size());
    }

    @Test
    void twentyConcurrentRetriesCreateExactlyOneSession() throws Exception {
        String token = api.newToken();
        String body = session("evening-wind-down", 600, true, "2025-01-10T20:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return api.postAs(token, "/me/sessions", body, "Idempotency-Key", "concurrent-retry");
                }));
            }
            go.countDown();
            int created = 0;
            Set<Long> ids = new HashSet<>();
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                assertTrue(r.status() == 201 || r.status() == 200, r.text());
                created += r.status() == 201 ? 1 : 0;
                ids.add(r.json().path("id").asLong());
            }
            assertEquals(1, created);
            assertEquals(1, ids.size());
            assertEquals(1, api.getAs(token, "/me/sessions").json().path("items").size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void paginationIsKeysetNewestFirstWithoutGapsOrRepeats() {
        String token = api.newToken();
        Instant base = Instant.parse("2025-02-01T08:00:00Z");
        for (int i = 0; i < 25; i++) {
            // Pairs share a start time, so the id must break ties.
            String at = base.plus(i / 2, ChronoUnit.HOURS).toString();
            assertEquals(201, api.postAs(token, "/me/sessions", session("morning-energizer", 60 + i, true, at)).status());
        }
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = api.getAs(token, "/me/sessions?limit=10" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.text());
            page.json().path("items").forEach(all::add);
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(25, all.size());
        assertEquals(25, all.stream().map(n -> n.path("id").asLong()).distinct().count());
        for (int i = 1; i < all.size(); i++) {
            String a = all.get(i - 1).path("started_at").asText();
            String b = all.get(i).path("started_at").asText();
            assertTrue(a.compareTo(b) > 0 || (a.equals(b) && all.get(i - 1).path("id").asLong() > all.get(i).path("id").asLong()));
        }
        assertEquals(400, api.getAs(token, "/me/sessions?cursor=!!!").status());
        assertEquals(400, api.getAs(token, "/me/sessions?limit=0").status());
        assertEquals(400, api.getAs(token, "/me/sessions?limit=101").status());
        assertEquals(400, api.getAs(token, "/me/sessions?limit=ten").status());
    }

    @Test
    void sessionsCanBeDeletedOnlyByTheirOwner() {
        String owner = api.newToken();
        String other = api.newToken();
        long id = api.postAs(owner, "/me/sessions", session("morning-energizer", 600, true, null)).json().path("id").asLong();
        assertEquals(404, api.send("DELETE", "/me/sessions/" + id, null, "Authorization", "Bearer " + other).status());
        assertEquals(404, api.send("DELETE", "/me/sessions/abc", null, "Authorization", "Bearer " + owner).status());
        assertEquals(204, api.send("DELETE", "/me/sessions/" + id, null, "Authorization", "Bearer " + owner).status());
        assertEquals(404, api.send("DELETE", "/me/sessions/" + id, null, "Authorization", "Bearer " + owner).status());
        assertEquals(0, api.getAs(owner, "/me/sessions").json().path("items").size());
    }

    @Test
    void nobodyElseCanReadAUsersPractice() {
        String owner = api.newToken();
        api.postAs(owner, "/me/sessions", session("morning-energizer", 600, true, null));
        api.send("PUT", "/me/favorites/poses/tree", null, "Authorization", "Bearer " + owner);
        String other = api.newToken();
        assertEquals(0, api.getAs(other, "/me/sessions").json().path("items").size());
        assertEquals(0, api.getAs(other, "/me/progress").json().path("total_sessions").asInt());
        assertEquals(0, api.getAs(other, "/me/favorites").json().path("poses").size());
        for (String path : new String[] {"/me", "/me/sessions", "/me/progress", "/me/favorites", "/me/achievements"}) {
            assertEquals(401, api.get(path).status(), path);
            assertEquals(401, api.getAs("not.a.token", path).status(), path);
        }
    }

    @Test
    void progressCountsTotalsStreaksWeeksAndTopSequences() {
        String token = api.newToken();
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES);
        // Today, yesterday, the day before: a current streak of 3; plus an older 4-day run.
        for (int d = 0; d < 3; d++) {
            api.postAs(token, "/me/sessions", session("morning-energizer", 900, true, today.minus(d, ChronoUnit.DAYS).toString()));
        }
        for (int d = 30; d < 34; d++) {
            api.postAs(token, "/me/sessions", session("back-pain-relief", 600, false, today.minus(d, ChronoUnit.DAYS).toString()));
        }
        api.postAs(token, "/me/sessions", session("back-pain-relief", 630, true, today.minus(200, ChronoUnit.DAYS).toString()));
        JsonNode p = api.getAs(token, "/me/progress?tz=UTC").json();
        assertEquals(8, p.path("total_sessions").asInt());
        assertEquals((3 * 900 + 4 * 600 + 630) / 60, p.path("total_minutes").asInt());
        assertEquals(3, p.path("current_streak_days").asInt());
        assertEquals(4, p.path("longest_streak_days").asInt());
        assertEquals(12, p.path("weeks").size());
        long weekMinutes = 0;
        for (JsonNode w : p.path("weeks")) {
            assertNotNull(w.path("week_start").asText());
            weekMinutes += w.path("minutes").asLong();
        }
        assertEquals((3 * 900 + 4 * 600) / 60, weekMinutes, "the 200-day-old session is outside the 12 weeks");
        assertEquals("back-pain-relief", p.path("top_sequences").get(0).path("sequence").asText());
        assertEquals(5, p.path("top_sequences").get(0).path("sessions").asInt());
        assertEquals(400, api.getAs(token, "/me/progress?tz=Mars/Olympus").status());
        assertEquals(200, api.getAs(token, "/me/progress?tz=America/New_York").status());
    }

    @Test
    void streaksFollowTheRequestedTimeZoneAcrossDaylightSavingChanges() {
        String token = api.newToken();
        // 23:30 in New York every evening from 6 to 12 March 2025; clocks went forward on the 9th.
        java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
        for (int day = 6; day <= 12; day++) {
            String at = java.time.LocalDateTime.parse("2025-03-%02dT23:30".formatted(day)).atZone(ny).toInstant().toString();
            assertEquals(201, api.postAs(token, "/me/sessions", session("morning-energizer", 600, true, at)).status());
        }
        assertEquals(7, api.getAs(token, "/me/progress?tz=America/New_York").json().path("longest_streak_days").asInt());
        // In Tokyo the same instants fall on the next afternoons: still seven days in a row.
        assertEquals(7, api.getAs(token, "/me/progress?tz=Asia/Tokyo").json().path("longest_streak_days").asInt());
        // 00:15 in Berlin around the autumn change (26 October 2025): five days in a row there,
        // but in New York they are evenings of the day before, also five in a row.
        String other = api.newToken();
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        for (int day = 24; day <= 28; day++) {
            String at = java.time.LocalDateTime.parse("2025-10-%02dT00:15".formatted(day)).atZone(berlin).toInstant().toString();
            api.postAs(other, "/me/sessions", session("back-pain-relief", 600, true, at));
        }
        assertEquals(5, api.getAs(other, "/me/progress?tz=Europe/Berlin").json().path("longest_streak_days").asInt());
        assertEquals(5, api.getAs(other, "/me/progress?tz=America/New_York").json().path("longest_streak_days").asInt());
        // 23:30 on the 25th and 00:30 on the 27th in Berlin are 26 hours apart across the change
        // (a 25-hour day), so "at most one 24-hour step" would call them consecutive. They are not.
        String third = api.newToken();
        api.postAs(third, "/me/sessions", session("back-pain-relief", 600, true,
                java.time.LocalDateTime.parse("2025-10-25T23:30").atZone(berlin).toInstant().toString()));
        api.postAs(third, "/me/sessions", session("back-pain-relief", 600, true,
                java.time.LocalDateTime.parse("2025-10-27T00:30").atZone(berlin).toInstant().toString()));
        assertEquals(1, api.getAs(third, "/me/progress?tz=Europe/Berlin").json().path("longest_streak_days").asInt());
    }

    @Test
    void favoritesArePutListedAndDeleted() {
        String token = api.newToken();
        String auth = "Bearer " + token;
        assertEquals(204, api.send("PUT", "/me/favorites/poses/tree", null, "Authorization", auth).status());
        assertEquals(204, api.send("PUT", "/me/favorites/poses/tree", null, "Authorization", auth).status(), "idempotent");
        assertEquals(204, api.send("PUT", "/me/favorites/poses/mountain", null, "Authorization", auth).status());
        assertEquals(204, api.send("PUT", "/me/favorites/sequences/morning-energizer", null, "Authorization", auth).status());
        assertEquals(404, api.send("PUT", "/me/favorites/poses/no-such-pose", null, "Authorization", auth).status());
        assertEquals(404, api.send("PUT", "/me/favorites/poses/morning-energizer", null, "Authorization", auth).status());
        assertEquals(404, api.send("PUT", "/me/favorites/teachers/tree", null, "Authorization", auth).status());
        JsonNode f = api.getAs(token, "/me/favorites").json();
        assertEquals("[\"mountain\",\"tree\"]", f.path("poses").toString());
        assertEquals("[\"morning-energizer\"]", f.path("sequences").toString());
        assertEquals(204, api.send("DELETE", "/me/favorites/poses/tree", null, "Authorization", auth).status());
        assertEquals(204, api.send("DELETE", "/me/favorites/poses/tree", null, "Authorization", auth).status());
        assertEquals("[\"mountain\"]", api.getAs(token, "/me/favorites").json().path("poses").toString());
    }

    @Test
    void achievementsAreComputedFromSessionsAndFollowEdits() {
        String token = api.newToken();
        JsonNode none = api.getAs(token, "/me/achievements").json().path("items");
        assertTrue(none.size() >= 9);
        none.forEach(a -> assertTrue(a.path("earned_at").isNull(), a.toString()));

        Instant start = Instant.parse("2025-05-01T06:00:00Z");
        List<Long> ids = new ArrayList<>();
        String[] sequences = {"morning-energizer", "back-pain-relief", "evening-wind-down"};
        for (int d = 0; d < 10; d++) {
            Reply r = api.postAs(token, "/me/sessions", session(sequences[d % 3], 3600, true, start.plus(d, ChronoUnit.DAYS).toString()));
            ids.add(r.json().path("id").asLong());
        }
        JsonNode items = api.getAs(token, "/me/achievements").json().path("items");
        assertEquals("2025-05-01T06:00:00Z", earned(items, "first-practice"));
        assertEquals("2025-05-03T06:00:00Z", earned(items, "streak-3"));
        assertEquals("2025-05-07T06:00:00Z", earned(items, "streak-7"));
        assertEquals("2025-05-10T06:00:00Z", earned(items, "sessions-10"));
        assertEquals("2025-05-10T06:00:00Z", earned(items, "hours-10"));
        assertEquals("2025-05-03T06:00:00Z", earned(items, "every-sequence"));
        assertEquals(null, earned(items, "streak-30"));
        assertEquals(null, earned(items, "sessions-50"));

        // Deleting the third day's session breaks the early streak: achievements follow.
        api.send("DELETE", "/me/sessions/" + ids.get(2), null, "Authorization", "Bearer " + token);
        items = api.getAs(token, "/me/achievements").json().path("items");
        assertEquals("2025-05-06T06:00:00Z", earned(items, "streak-3"));
        assertEquals(null, earned(items, "sessions-10"));
        assertEquals("2025-05-06T06:00:00Z", earned(items, "every-sequence"));
    }

    private static String earned(JsonNode items, String id) {
        for (JsonNode a : items) {
            if (a.path("id").asText().equals(id)) {
                assertFalse(a.path("title").asText().isEmpty());
                return a.path("earned_at").isNull() ? null : a.path("earned_at").asText();
            }
        }
        throw new AssertionError("no achievement " + id + " in " + items);
    }

    @Test
    void popularityIsPublicAndCacheable() throws Exception {
        String token = api.newToken();
        api.postAs(token, "/me/sessions", session("evening-wind-down", 600, true, null));
        api.send("PUT", "/me/favorites/poses/child", null, "Authorization", "Bearer " + token);
        Reply r = api.get("/popular");
        assertEquals(200, r.status());
        assertEquals("public, max-age=300", r.header("Cache-Control"));
        assertTrue(r.json().path("sequences").isArray());
        assertTrue(r.json().path("poses").isArray());
        assertTrue(r.json().has("generated_at"));
    }

    @Test
    void deletingTheAccountDeletesAllItsData() throws Exception {
        JsonNode user = api.newUser();
        String token = user.path("access_token").asText();
        api.postAs(token, "/me/sessions", session("morning-energizer", 600, true, null));
        api.send("PUT", "/me/favorites/poses/tree", null, "Authorization", "Bearer " + token);
        long id = api.getAs(token, "/me").json().path("id").asLong();
        assertEquals(204, api.send("DELETE", "/me", null, "Authorization", "Bearer " + token).status());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/account.db"));
             var s = c.createStatement()) {
            for (String table : new String[] {"users WHERE id = ", "practice_sessions WHERE user_id = ",
                    "favorites WHERE user_id = ", "refresh_tokens WHERE user_id = ", "email_tokens WHERE user_id = "}) {
                var rs = s.executeQuery("SELECT count(*) FROM " + table + id);
                rs.next();
                assertEquals(0, rs.getInt(1), table);
            }
        }
        assertEquals(401, api.postAs(token, "/me/sessions", session("morning-energizer", 600, true, null)).status());
    }

    @Test
    void concurrentWritesFromManyUsersAreAllStored() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(api.newToken());
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String t = tokens.get(i % 5);
                all.add(CompletableFuture.supplyAsync(() ->
                        api.postAs(t, "/me/sessions", session("morning-energizer", 60, true, null)).status(), pool));
            }
            for (CompletableFuture<Integer> f : all) {
                assertEquals(201, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (String t : tokens) {
            assertEquals(40, api.getAs(t, "/me/progress").json().path("total_sessions").asInt());
        }
    }
}
