package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only HS256 tokens from us, with every registered claim right, get in. */
class JwtTest {

    @TempDir
    static Path dir;
    static TestApi api;
    static byte[] secret;
    static long userId;

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start(dir);
        String token = api.newToken();
        userId = api.getAs(token, "/me").json().path("id").asLong();
        secret = Files.readString(dir.resolve("data/jwt-secret.dev")).strip().getBytes(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static com.auth0.jwt.JWTCreator.Builder valid() {
        long now = System.currentTimeMillis();
        return JWT.create().withIssuer("yogaflow-account-api").withAudience("yogaflow").withSubject(Long.toString(userId))
                .withJWTId(UUID.randomUUID().toString()).withIssuedAt(Instant.ofEpochMilli(now)).withClaim("iat_ms", now)
                .withExpiresAt(Instant.ofEpochMilli(now + 60_000));
    }

    private static int status(String token) {
        return api.getAs(token, "/me").status();
    }

    @Test
    void aWellFormedTokenSignedWithTheSecretIsAccepted() {
        assertEquals(200, status(valid().sign(Algorithm.HMAC256(secret))));
    }

    @Test
    void otherAlgorithmsAreRejected() {
        assertEquals(401, status(valid().sign(Algorithm.HMAC512(secret))));
        assertEquals(401, status(valid().sign(Algorithm.HMAC384(secret))));
        assertEquals(401, status(valid().sign(Algorithm.none())));
        // Hand-made "alg":"none" with our claims and an empty signature.
        String signed = valid().sign(Algorithm.HMAC256(secret));
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, status(header + "." + signed.split("\\.")[1] + "."));
    }

    @Test
    void everyClaimIsChecked() {
        Algorithm hs = Algorithm.HMAC256(secret);
        assertEquals(401, status(valid().withIssuer("someone-else").sign(hs)), "iss");
        assertEquals(401, status(valid().withAudience("other-app").sign(hs)), "aud");
        assertEquals(401, status(valid().withExpiresAt(Instant.now().minusSeconds(5)).sign(hs)), "exp");
        assertEquals(401, status(valid().withSubject("not-a-number").sign(hs)), "sub");
        assertEquals(401, status(valid().withSubject("999999").sign(hs)), "unknown user");
        long now = System.currentTimeMillis();
        String noJti = JWT.create().withIssuer("yogaflow-account-api").withAudience("yogaflow").withSubject(Long.toString(userId))
                .withClaim("iat_ms", now).withExpiresAt(Instant.ofEpochMilli(now + 60_000)).sign(hs);
        assertEquals(401, status(noJti), "jti");
        String noExp = JWT.create().withIssuer("yogaflow-account-api").withAudience("yogaflow").withSubject(Long.toString(userId))
                .withJWTId("x").withClaim("iat_ms", now).sign(hs);
        assertEquals(401, status(noExp), "exp missing");
        assertEquals(401, status(valid().sign(Algorithm.HMAC256("another secret of at least 32 bytes!!"))), "secret");
    }

    @Test
    void tamperedTokensAreRejected() {
        String token = valid().sign(Algorithm.HMAC256(secret));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + userId + "\"", "\"sub\":\"" + (userId + 1) + "\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, status(forged));
        assertEquals(401, status(token.substring(0, token.length() - 2)));
        assertEquals(401, status(""));
        assertEquals(401, api.get("/me", "Authorization", "Basic dXNlcjpwYXNz").status());
        assertEquals(401, api.get("/me", "Authorization", "Bearer").status());
    }
}
