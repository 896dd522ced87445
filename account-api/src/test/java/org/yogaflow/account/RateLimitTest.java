package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yogaflow.account.TestApi.json;
import static org.yogaflow.account.TestApi.newEmail;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.account.TestApi.Reply;

/** The default per-client limits, and X-Forwarded-For only from a trusted proxy. */
class RateLimitTest {

    @Test
    void defaultLimitsAnswer429WithRetryAfter(@TempDir Path dir) {
        try (TestApi api = new TestApi(dir, Map.of(
                "YOGAFLOW_RATE_REGISTER", "3/1m", "YOGAFLOW_RATE_LOGIN", "5/1m",
                "YOGAFLOW_RATE_FORGOT_PASSWORD", "3/1h", "YOGAFLOW_RATE_RESET_PASSWORD", "5/1h"))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(202, api.post("/auth/register", json("email", newEmail(), "password", TestApi.PASSWORD)).status());
            }
            Reply limited = api.post("/auth/register", json("email", newEmail(), "password", TestApi.PASSWORD));
            assertEquals(429, limited.status());
            assertEquals("rate_limited", limited.errorCode());
            long retry = Long.parseLong(limited.header("Retry-After"));
            assertTrue(retry >= 1 && retry <= 61, "Retry-After " + retry);
            HttpHardeningTest.assertSecure(limited);

            for (int i = 0; i < 5; i++) {
                assertEquals(401, api.login(newEmail(), "some password").status());
            }
            assertEquals(429, api.login(newEmail(), "some password").status());
            for (int i = 0; i < 3; i++) {
                assertEquals(202, api.post("/auth/forgot-password", json("email", newEmail())).status());
            }
            Reply forgot = api.post("/auth/forgot-password", json("email", newEmail()));
            assertEquals(429, forgot.status());
            assertTrue(Long.parseLong(forgot.header("Retry-After")) > 60);
            for (int i = 0; i < 5; i++) {
                assertEquals(400, api.post("/auth/reset-password", json("token", "t", "password", TestApi.PASSWORD)).status());
            }
            assertEquals(429, api.post("/auth/reset-password", json("token", "t", "password", TestApi.PASSWORD)).status());
            // Other routes are not limited.
            assertEquals(200, api.get("/health").status());
        }
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy(@TempDir Path dir) {
        try (TestApi direct = new TestApi(dir.resolve("direct"), Map.of("YOGAFLOW_RATE_LOGIN", "2/1m"))) {
            // Without a trusted proxy a client cannot dodge the limit by inventing addresses.
            for (int i = 0; i < 2; i++) {
                direct.post("/auth/login", json("email", newEmail(), "password", "x"), "X-Forwarded-For", "10.0.0." + i);
            }
            assertEquals(429, direct.post("/auth/login", json("email", newEmail(), "password", "x"), "X-Forwarded-For", "10.0.0.9").status());
        }
        try (TestApi proxied = new TestApi(dir.resolve("proxied"), Map.of("YOGAFLOW_RATE_LOGIN", "2/1m",
                "YOGAFLOW_TRUSTED_PROXIES", "127.0.0.1"))) {
            for (int client = 0; client < 3; client++) {
                for (int i = 0; i < 2; i++) {
                    assertEquals(401, proxied.post("/auth/login", json("email", newEmail(), "password", "x"),
                            "X-Forwarded-For", "198.51.100." + client).status());
                }
                assertEquals(429, proxied.post("/auth/login", json("email", newEmail(), "password", "x"),
                        "X-Forwarded-For", "198.51.100." + client).status());
            }
            // The right-most untrusted hop counts; a spoofed left-most entry does not help.
            assertEquals(429, proxied.post("/auth/login", json("email", newEmail(), "password", "x"),
                    "X-Forwarded-For", "203.0.113.7, 198.51.100.0").status());
        }
    }
}
