package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.yogaflow.account.TestApi.PASSWORD;
import static org.yogaflow.account.TestApi.json;
import static org.yogaflow.account.TestApi.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.yogaflow.account.TestApi.Reply;

/**
 * The refresh-token reuse grace (default 30 s), over HTTP: a page left while its refresh was in
 * flight presents the rotated token again and must stay signed in; a reuse after the grace, or
 * of a token revoked by logout or a password reset, must not.
 */
class RefreshReuseTest extends OneApiPerClass {

    private static Reply refresh(TestApi on, String token) {
        return on.post("/auth/refresh", json("refresh_token", token));
    }

    private static String refreshToken(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        return reply.json().path("refresh_token").asText();
    }

    /**
     * Refreshes with {@code token} as if {@code ago} had passed since (the test clock moved back
     * for this call, so what follows runs at the real time with tokens valid now).
     */
    private static String rotatedAgo(String token, Duration ago) {
        api.clock.advance(ago.negated());
        try {
            return refreshToken(refresh(api, token));
        } finally {
            api.clock.advance(ago);
        }
    }

    @Test
    void aReuseWithinTheGraceGetsTheSameSuccessorAndStaysSignedIn() {
        String r1 = api.newUser().path("refresh_token").asText();
        String r2 = rotatedAgo(r1, Duration.ofSeconds(25)); // the answer is "lost": the page was left

        Reply again = refresh(api, r1);
        assertEquals(200, again.status(), again.text());
        assertEquals("no-store", again.header("Cache-Control"));
        assertEquals(r2, again.json().path("refresh_token").asText(), "the successor is re-issued, not a sibling");
        assertEquals(200, api.getAs(again.json().path("access_token").asText(), "/me").status());

        // The chain goes on as if nothing happened: r2 rotates normally, and the family is intact.
        Reply next = refresh(api, r2);
        String r3 = refreshToken(next);
        assertNotEquals(r2, r3);
        assertEquals(200, api.getAs(next.json().path("access_token").asText(), "/me").status());
        assertEquals(200, refresh(api, r3).status());
    }

    @Test
    void aReuseWithinTheGraceFollowsTheChainToTheLiveToken() {
        String r1 = api.newUser().path("refresh_token").asText();
        String r2 = refreshToken(refresh(api, r1));
        String r3 = refreshToken(refresh(api, r2)); // another tab went on rotating
        assertEquals(r3, refreshToken(refresh(api, r1)), "only the newest token is ever handed out");
        assertEquals(r3, refreshToken(refresh(api, r2)));
        String r4 = refreshToken(refresh(api, r3));
        assertEquals(200, refresh(api, r4).status());
    }

    @Test
    void aReuseAfterTheGraceRevokesTheFamily() {
        JsonNode user = api.newUser();
        String r1 = user.path("refresh_token").asText();
        String r2 = rotatedAgo(r1, Duration.ofSeconds(30));

        Reply late = refresh(api, r1);
        assertEquals(401, late.status());
        assertEquals("invalid_token", late.errorCode());
        assertEquals(401, refresh(api, r2).status(), "the successor is revoked with its family");
        assertEquals(401, refresh(api, r1).status(), "and the grace does not bring it back");

        // Another login of the same user is another family, untouched.
        String other = api.login(user.path("email").asText(), PASSWORD).json().path("refresh_token").asText();
        assertEquals(200, refresh(api, other).status());
    }

    @Test
    void logoutEndsTheFamilyEvenWithinTheGrace() {
        String r1 = api.newUser().path("refresh_token").asText();
        Reply rotated = refresh(api, r1);
        String r2 = refreshToken(rotated);
        String access = rotated.json().path("access_token").asText();
        assertEquals(204, api.postAs(access, "/auth/logout", json("refresh_token", r2)).status());

        Reply reuse = refresh(api, r1);
        assertEquals(401, reuse.status());
        assertEquals("invalid_token", reuse.errorCode());
        assertEquals(401, refresh(api, r2).status());
    }

    @Test
    void aPasswordResetEndsTheFamilyEvenWithinTheGrace() {
        JsonNode user = api.newUser();
        String email = user.path("email").asText();
        String r1 = user.path("refresh_token").asText();
        String r2 = refreshToken(refresh(api, r1));
        api.post("/auth/forgot-password", json("email", email));
        String reset = token(api.mailTo(email, "Reset your YogaFlow password"));
        assertEquals(204, api.post("/auth/reset-password", json("token", reset, "password", "a brand new passphrase")).status());

        assertEquals(401, refresh(api, r1).status());
        assertEquals(401, refresh(api, r2).status());
    }

    @Test
    void concurrentRefreshesOfOneTokenAllGetTheSameLiveSuccessor() throws Exception {
        int tabs = 6;
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        try {
            String token = api.newUser().path("refresh_token").asText();
            for (int round = 0; round < 3; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Reply>> replies = new ArrayList<>();
                String current = token;
                for (int i = 0; i < tabs; i++) {
                    replies.add(pool.submit(() -> {
                        go.await();
                        return refresh(api, current);
                    }));
                }
                go.countDown();
                Set<String> successors = new TreeSet<>();
                for (Future<Reply> f : replies) {
                    Reply r = f.get();
                    assertEquals(200, r.status(), "round " + round + ": " + r.text());
                    successors.add(r.json().path("refresh_token").asText());
                    assertEquals(200, api.getAs(r.json().path("access_token").asText(), "/me").status());
                }
                assertEquals(1, successors.size(), "one live chain, whichever tab stores last");
                token = successors.iterator().next();
                assertNotEquals(current, token);
            }
            assertEquals(200, refresh(api, token).status(), "the user is still signed in");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aGraceOfZeroRevokesOnAnyReuse() {
        try (TestApi strict = new TestApi(dir.resolve("strict"), Map.of("YOGAFLOW_REFRESH_REUSE_SECONDS", "0"))) {
            String r1 = strict.newUser().path("refresh_token").asText();
            String r2 = refreshToken(refresh(strict, r1));
            assertEquals(401, refresh(strict, r1).status());
            assertEquals(401, refresh(strict, r2).status(), "the family is revoked");
        }
    }
}
