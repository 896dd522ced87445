package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yogaflow.account.TestApi.PASSWORD;
import static org.yogaflow.account.TestApi.json;
import static org.yogaflow.account.TestApi.newEmail;
import static org.yogaflow.account.TestApi.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.yogaflow.account.TestApi.Reply;

/** Registration, verification, login, lockout, refresh, logout and password reset, over HTTP. */
class AuthTest extends OneApiPerClass {

    @Test
    void registrationSendsAVerificationLinkThatWorksOnce() {
        String email = newEmail();
        api.register(email, PASSWORD);
        String mail = api.mailTo(email, "Confirm your YogaFlow account");
        assertTrue(mail.contains("http://localhost:8080/account/verify-email/?token="), mail);
        String token = token(mail);

        assertEquals(403, api.login(email, PASSWORD).status(), "unverified");
        assertEquals("email_not_verified", api.login(email, PASSWORD).errorCode());

        assertEquals(204, api.post("/auth/verify-email", json("token", token)).status());
        Reply again = api.post("/auth/verify-email", json("token", token));
        assertEquals(400, again.status());
        assertEquals("invalid_token", again.errorCode());
        assertEquals(400, api.post("/auth/verify-email", json("token", "x".repeat(43))).status());

        Reply login = api.login(email.toUpperCase(), PASSWORD); // emails are case-insensitive
        assertEquals(200, login.status(), login.text());
        JsonNode tokens = login.json();
        assertEquals("Bearer", tokens.path("token_type").asText());
        assertEquals(900, tokens.path("expires_in").asInt());
        assertFalse(tokens.path("access_token").asText().isEmpty());
        assertFalse(tokens.path("refresh_token").asText().isEmpty());
        assertEquals("no-store", login.header("Cache-Control"));
    }

    @Test
    void verificationLinksExpireAfter24Hours() {
        String email = newEmail();
        api.register(email, PASSWORD);
        String token = token(api.mailTo(email, "Confirm"));
        api.clock.advance(Duration.ofHours(24).plusMinutes(1));
        try {
            assertEquals(400, api.post("/auth/verify-email", json("token", token)).status());
        } finally {
            api.clock.advance(Duration.ofHours(-24).minusMinutes(1));
        }
    }

    @Test
    void registeringATakenAddressAnswersTheSameAndEmailsTheOwner() {
        JsonNode user = api.newUser();
        String email = user.path("email").asText();
        long before = api.mailsTo(email);
        Reply fresh = api.post("/auth/register", json("email", newEmail(), "password", PASSWORD));
        Reply taken = api.post("/auth/register", json("email", email, "password", "another long passphrase"));
        assertEquals(202, taken.status());
        assertEquals(fresh.status(), taken.status());
        assertEquals(fresh.text(), taken.text(), "no account enumeration through the answer");
        String mail = api.mailTo(email, "Someone tried to register with your address");
        assertFalse(mail.contains("token="), "no verification link for a taken address");
        assertEquals(before + 1, api.mailsTo(email));
        // The original password still works; the attempt changed nothing.
        assertEquals(200, api.login(email, PASSWORD).status());
    }

    @Test
    void registeringAnUnverifiedAddressAgainSendsAFreshLink() {
        String email = newEmail();
        api.register(email, PASSWORD);
        String first = token(api.mailTo(email, "Confirm"));
        api.register(email, "some other passphrase");
        long deadline = System.currentTimeMillis() + 5000;
        while (api.mailsTo(email) < 2 && System.currentTimeMillis() < deadline) {
            TestApi.sleep(20);
        }
        String second = token(api.mailTo(email, "Confirm"));
        assertNotEquals(first, second);
        assertEquals(204, api.post("/auth/verify-email", json("token", second)).status());
        assertEquals(200, api.login(email, PASSWORD).status(), "the first password stays");
    }

    @Test
    void malformedEmailsAndWeakPasswordsAreRefusedWithPerFieldMessages() {
        Reply r = api.post("/auth/register", json("email", "not-an-email", "password", "short"));
        assertEquals(400, r.status());
        assertEquals("validation_failed", r.errorCode());
        assertTrue(r.json().path("error").path("fields").has("email"));
        assertTrue(r.json().path("error").path("fields").has("password"));

        for (String weak : new String[] {"password1234", "123456789012", "qwertyuiopas", "Password1234", "iloveyou2024"}) {
            Reply w = api.post("/auth/register", json("email", newEmail(), "password", weak));
            assertEquals(400, w.status(), weak);
            assertTrue(w.json().path("error").path("fields").path("password").asText().contains("common"), w.text());
        }
        String email = newEmail();
        Reply same = api.post("/auth/register", json("email", email, "password", email));
        assertEquals(400, same.status());
        assertTrue(same.json().path("error").path("fields").path("password").asText().contains("email"));
        assertEquals(400, api.post("/auth/register", json("email", newEmail(), "password", "x".repeat(129))).status());
        assertEquals(400, api.post("/auth/register", json("email", newEmail(), "password", "elevenchars")).status());
        assertEquals(202, api.post("/auth/register", json("email", newEmail(), "password", "twelve chars")).status());
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesCountInFull() {
        // Same first 100 bytes, different endings: bcrypt alone would see them as equal.
        String prefix = "ü".repeat(50); // 100 bytes of UTF-8, 50 characters
        String email = newEmail();
        api.register(email, prefix + " ending one");
        api.post("/auth/verify-email", json("token", token(api.mailTo(email, "Confirm"))));
        assertEquals(200, api.login(email, prefix + " ending one").status());
        assertEquals(401, api.login(email, prefix + " ending two").status());
        // 128 characters of 4-byte emoji: 512 bytes, accepted.
        String emoji = "🧘".repeat(128);
        String other = newEmail();
        api.register(other, emoji);
        api.post("/auth/verify-email", json("token", token(api.mailTo(other, "Confirm"))));
        assertEquals(200, api.login(other, emoji).status());
        assertEquals(401, api.login(other, "🧘".repeat(127) + "🙂").status());
    }

    @Test
    void wrongPasswordAndUnknownEmailFailAlike() {
        JsonNode user = api.newUser();
        Reply wrong = api.login(user.path("email").asText(), "not the right password");
        Reply unknown = api.login(newEmail(), "not the right password");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.text(), unknown.text());
        assertEquals("invalid_credentials", wrong.errorCode());
    }

    @Test
    void unknownEmailsTakeAboutAsLongAsWrongPasswords() {
        // Not a timing benchmark: a loose check that the unknown-email path runs bcrypt too.
        try (TestApi slow = new TestApi(dir.resolve("slow"), java.util.Map.of("YOGAFLOW_BCRYPT_COST", "10"))) {
            JsonNode user = slow.newUser();
            long wrong = 0;
            long unknown = 0;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                slow.login(user.path("email").asText(), "not the right password " + i);
                long t1 = System.nanoTime();
                slow.login(newEmail(), "not the right password " + i);
                long t2 = System.nanoTime();
                wrong += t1 - t0;
                unknown += t2 - t1;
            }
            assertTrue(unknown > wrong / 10, "unknown " + unknown / 1e6 + " ms vs wrong " + wrong / 1e6 + " ms");
        }
    }

    @Test
    void fiveFailuresLockAnAddressForFifteenMinutesEvenWithTheRightPassword() {
        JsonNode user = api.newUser();
        String email = user.path("email").asText();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.login(email, "wrong password " + i).status());
        }
        Reply locked = api.login(email, PASSWORD);
        assertEquals(429, locked.status());
        assertEquals("account_locked", locked.errorCode());
        long retry = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retry > 14 * 60 && retry <= 15 * 60, "Retry-After " + retry);
        api.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        try {
            assertEquals(200, api.login(email, PASSWORD).status(), "the lock runs out");
        } finally {
            api.clock.advance(Duration.ofMinutes(-15).minusSeconds(1));
        }
    }

    @Test
    void unknownAddressesLockToo() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.login(email, "whatever password").status());
        }
        Reply locked = api.login(email, "whatever password");
        assertEquals(429, locked.status());
        assertNotNull(locked.header("Retry-After"));
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        JsonNode user = api.newUser();
        String email = user.path("email").asText();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(401, api.login(email, "wrong password").status());
            }
            assertEquals(200, api.login(email, PASSWORD).status());
        }
    }

    @Test
    void aPasswordResetLiftsTheLockAndSignsOutEverywhere() {
        JsonNode user = api.newUser();
        String email = user.path("email").asText();
        String access = user.path("access_token").asText();
        String refresh = user.path("refresh_token").asText();
        for (int i = 0; i < 5; i++) {
            api.login(email, "attacker guess " + i);
        }
        assertEquals(429, api.login(email, PASSWORD).status());

        assertEquals(202, api.post("/auth/forgot-password", json("email", email)).status());
        String mail = api.mailTo(email, "Reset your YogaFlow password");
        assertTrue(mail.contains("/account/reset-password/?token="));
        String token = token(mail);

        Reply weak = api.post("/auth/reset-password", json("token", token, "password", "password1234"));
        assertEquals(400, weak.status(), "a weak password does not use up the link");
        String fresh = "a brand new passphrase";
        assertEquals(204, api.post("/auth/reset-password", json("token", token, "password", fresh)).status());
        assertEquals(400, api.post("/auth/reset-password", json("token", token, "password", "yet another passphrase")).status(),
                "single use");
        api.mailTo(email, "Your YogaFlow password was changed");

        assertEquals(401, api.getAs(access, "/me").status(), "earlier access tokens are refused");
        assertEquals(401, api.post("/auth/refresh", json("refresh_token", refresh)).status(), "refresh tokens revoked");
        assertEquals(401, api.login(email, PASSWORD).status(), "old password gone, lock lifted");
        Reply login = api.login(email, fresh);
        assertEquals(200, login.status(), login.text());
        assertEquals(200, api.getAs(login.json().path("access_token").asText(), "/me").status());
    }

    @Test
    void forgotPasswordAnswersTheSameForUnknownAddressesAndSendsNothing() {
        String email = newEmail();
        Reply unknown = api.post("/auth/forgot-password", json("email", email));
        Reply known = api.post("/auth/forgot-password", json("email", api.newUser().path("email").asText()));
        assertEquals(202, unknown.status());
        assertEquals(known.text(), unknown.text());
        TestApi.sleep(200);
        assertEquals(0, api.mailsTo(email));
    }

    @Test
    void resetLinksExpireAfterAnHourAndANewLinkVoidsTheOld() {
        String email = api.newUser().path("email").asText();
        api.post("/auth/forgot-password", json("email", email));
        String first = token(api.mailTo(email, "Reset"));
        api.clock.advance(Duration.ofMinutes(61));
        try {
            assertEquals(400, api.post("/auth/reset-password", json("token", first, "password", "a brand new passphrase")).status());
        } finally {
            api.clock.advance(Duration.ofMinutes(-61));
        }
        api.post("/auth/forgot-password", json("email", email));
        long deadline = System.currentTimeMillis() + 5000;
        String second = first;
        while (second.equals(first) && System.currentTimeMillis() < deadline) {
            second = token(api.mailTo(email, "Reset"));
        }
        api.post("/auth/forgot-password", json("email", email));
        TestApi.sleep(300);
        String third = token(api.mailTo(email, "Reset"));
        assertNotEquals(second, third);
        assertEquals(400, api.post("/auth/reset-password", json("token", second, "password", "a brand new passphrase")).status());
        assertEquals(204, api.post("/auth/reset-password", json("token", third, "password", "a brand new passphrase")).status());
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        JsonNode user = api.newUser();
        String r1 = user.path("refresh_token").asText();
        Reply second = api.post("/auth/refresh", json("refresh_token", r1));
        assertEquals(200, second.status());
        assertEquals("no-store", second.header("Cache-Control"));
        String r2 = second.json().path("refresh_token").asText();
        assertNotEquals(r1, r2);
        assertEquals(200, api.getAs(second.json().path("access_token").asText(), "/me").status());

        // Past the reuse grace (RefreshReuseTest covers reuse within it).
        api.clock.advance(Duration.ofSeconds(31));
        Reply reuse;
        try {
            reuse = api.post("/auth/refresh", json("refresh_token", r1));
        } finally {
            api.clock.advance(Duration.ofSeconds(-31));
        }
        assertEquals(401, reuse.status());
        assertEquals("invalid_token", reuse.errorCode());
        assertEquals(401, api.post("/auth/refresh", json("refresh_token", r2)).status(), "the family is revoked");

        // Another login (another family) is untouched.
        Reply other = api.login(user.path("email").asText(), PASSWORD);
        assertEquals(200, api.post("/auth/refresh", json("refresh_token", other.json().path("refresh_token").asText())).status());
        assertEquals(401, api.post("/auth/refresh", json("refresh_token", "garbage")).status());
    }

    @Test
    void logoutRevokesTheAccessTokenAndTheRefreshToken() {
        JsonNode user = api.newUser();
        String access = user.path("access_token").asText();
        String refresh = user.path("refresh_token").asText();
        assertEquals(200, api.getAs(access, "/me").status());
        Reply out = api.postAs(access, "/auth/logout", json("refresh_token", refresh));
        assertEquals(204, out.status(), out.text());
        Reply after = api.getAs(access, "/me");
        assertEquals(401, after.status());
        assertEquals("Bearer", after.header("WWW-Authenticate"));
        assertEquals(401, api.post("/auth/refresh", json("refresh_token", refresh)).status());
        // Logout without a body works too.
        String other = api.login(user.path("email").asText(), PASSWORD).json().path("access_token").asText();
        assertEquals(204, api.postAs(other, "/auth/logout", null).status());
        assertEquals(401, api.getAs(other, "/me").status());
    }

    @Test
    void accessTokensExpireAfterFifteenMinutes() {
        String access = api.newToken();
        api.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        try {
            assertEquals(401, api.getAs(access, "/me").status());
        } finally {
            api.clock.advance(Duration.ofMinutes(-15).minusSeconds(1));
        }
        assertEquals(200, api.getAs(access, "/me").status());
    }

    @Test
    void profileCanBeReadRenamedAndDeleted() {
        JsonNode user = api.newUser();
        String access = user.path("access_token").asText();
        JsonNode me = api.getAs(access, "/me").json();
        assertEquals(user.path("email").asText(), me.path("email").asText());
        assertTrue(me.path("email_verified").asBoolean());
        assertTrue(me.has("id") && me.has("display_name") && me.has("created_at"));

        Reply renamed = api.send("PATCH", "/me", json("display_name", "  Żaneta 🧘 "), "Authorization", "Bearer " + access);
        assertEquals(200, renamed.status(), renamed.text());
        assertEquals("Żaneta 🧘", renamed.json().path("display_name").asText());
        assertEquals(400, api.send("PATCH", "/me", json("display_name", "x".repeat(101)), "Authorization", "Bearer " + access).status());
        assertEquals(400, api.send("PATCH", "/me", json("display_name", 42), "Authorization", "Bearer " + access).status());

        assertEquals(204, api.send("DELETE", "/me", null, "Authorization", "Bearer " + access).status());
        assertEquals(401, api.getAs(access, "/me").status());
        assertEquals(401, api.login(user.path("email").asText(), PASSWORD).status());
        assertEquals(401, api.post("/auth/refresh", json("refresh_token", user.path("refresh_token").asText())).status());
        // The address is free again.
        api.register(user.path("email").asText(), PASSWORD);
        api.mailTo(user.path("email").asText(), "Confirm");
    }
}
