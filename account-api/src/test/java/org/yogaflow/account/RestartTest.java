package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yogaflow.account.TestApi.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.account.TestApi.Reply;

/** Stopping and starting again, even in the middle of use, loses nothing that was acknowledged. */
class RestartTest {

    @Test
    void everythingSurvivesARestart(@TempDir Path dir) {
        try (TestApi api = TestApi.start(dir)) {
            JsonNode user = api.newUser();
            String access = user.path("access_token").asText();
            api.postAs(access, "/me/sessions", json("sequence", "morning-energizer", "duration_seconds", 900, "completed", true),
                    "Idempotency-Key", "before-restart");
            api.send("PUT", "/me/favorites/poses/tree", null, "Authorization", "Bearer " + access);
            String other = api.newToken();
            api.postAs(other, "/auth/logout", null);

            api.restart();

            assertEquals(200, api.getAs(access, "/me").status(), "the development secret is kept: tokens still work");
            assertEquals(401, api.getAs(other, "/me").status(), "revocations survive");
            assertEquals(1, api.getAs(access, "/me/progress").json().path("total_sessions").asInt());
            assertEquals("[\"tree\"]", api.getAs(access, "/me/favorites").json().path("poses").toString());
            Reply retry = api.postAs(access, "/me/sessions", json("sequence", "morning-energizer", "duration_seconds", 900, "completed", true),
                    "Idempotency-Key", "before-restart");
            assertEquals(200, retry.status(), "idempotency keys survive");
            assertEquals(200, api.post("/auth/refresh", json("refresh_token", user.path("refresh_token").asText())).status());
            assertEquals(200, api.login(user.path("email").asText(), TestApi.PASSWORD).status());
        }
    }

    @Test
    void acknowledgedWritesSurviveAStopInTheMiddleOfALoad(@TempDir Path dir) throws Exception {
        try (TestApi api = TestApi.start(dir)) {
            String access = api.newToken();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                workers.add(pool.submit(() -> {
                    List<Long> acknowledged = new ArrayList<>();
                    for (int i = 0; i < 400 && !stop.get(); i++) {
                        try {
                            Reply r = api.postAs(access, "/me/sessions",
                                    json("sequence", "back-pain-relief", "duration_seconds", 60, "completed", true));
                            if (r.status() == 201) {
                                acknowledged.add(r.json().path("id").asLong());
                            } else {
                                assertTrue(r.status() == 503, r.status() + " " + r.text());
                            }
                        } catch (RuntimeException e) {
                            // connection refused or reset while stopping: not acknowledged
                        }
                    }
                    return acknowledged;
                }));
            }
            TestApi.sleep(400);
            api.api.close(); // graceful stop in the middle of the load
            stop.set(true);
            Set<Long> acknowledged = new HashSet<>();
            for (Future<List<Long>> f : workers) {
                acknowledged.addAll(f.get());
            }
            pool.shutdown();
            assertTrue(acknowledged.size() > 0, "some writes were acknowledged before the stop");

            api.start();
            Set<Long> stored = new HashSet<>();
            String cursor = null;
            do {
                JsonNode page = api.getAs(access, "/me/sessions?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.path("items").forEach(s -> stored.add(s.path("id").asLong()));
                cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            } while (cursor != null);
            assertTrue(stored.containsAll(acknowledged),
                    "acknowledged " + acknowledged.size() + ", stored " + stored.size());
        }
    }
}
