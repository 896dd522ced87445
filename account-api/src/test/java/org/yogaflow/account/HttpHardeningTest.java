package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yogaflow.account.TestApi.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.account.TestApi.Reply;

/** Bad input of every kind gets a 4xx JSON error with the security headers, never a 5xx. */
class HttpHardeningTest {

    @TempDir
    static Path dir;
    static TestApi api;
    static String token;

    @BeforeAll
    static void start() {
        api = new TestApi(dir, Map.of("YOGAFLOW_ALLOWED_ORIGINS", "http://localhost:8080, https://studio.example"));
        token = api.newToken();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static void assertSecure(Reply r) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"), r.toString());
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), r.toString());
        assertNull(r.header("Server"), "no Server header");
        assertNull(r.header("X-Powered-By"));
    }

    static void assertError(Reply r, int status, String code) {
        assertEquals(status, r.status(), r.text());
        assertEquals(code, r.errorCode(), r.text());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        assertTrue(r.json().path("error").path("message").isTextual());
        assertSecure(r);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        assertSecure(api.get("/health"));
        assertSecure(api.get("/openapi.json"));
        assertSecure(api.get("/popular"));
        Reply me = api.getAs(token, "/me");
        assertSecure(me);
        assertEquals("no-store", me.header("Cache-Control"));
        assertEquals("no-store", api.getAs(token, "/me/progress").header("Cache-Control"));
        assertEquals("no-store", api.get("/me").header("Cache-Control"));
        assertTrue(api.get("/health").headers().allValues("Vary").toString().contains("Origin"));
        assertTrue(me.header("X-Request-Id").length() >= 8);
        assertEquals("abcdef123456", api.get("/health", "X-Request-Id", "abcdef123456").header("X-Request-Id"));
        assertFalse(api.get("/health", "X-Request-Id", "<script>").header("X-Request-Id").contains("<"));
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405WithAllow() {
        assertError(api.get("/nothing-here"), 404, "not_found");
        assertError(api.get("/"), 404, "not_found");
        assertError(api.get("/../../etc/passwd"), 404, "not_found");
        Reply wrong = api.send("DELETE", "/auth/login", null);
        assertError(wrong, 405, "method_not_allowed");
        assertEquals("POST", wrong.header("Allow"));
        Reply me = api.send("PUT", "/me", json("display_name", "x"), "Authorization", "Bearer " + token);
        assertError(me, 405, "method_not_allowed");
        assertEquals("DELETE, GET, PATCH", me.header("Allow"));
        assertError(api.send("GET", "/me/sessions/12", null), 405, "method_not_allowed");
    }

    @Test
    void aRefusedBodyStillGetsItsAnswer() {
        // The client is still sending when the server refuses: the server reads the rest (up to
        // 1 MiB) so that the 413 arrives instead of a connection reset.
        String big = json("email", "a@example.org", "password", "x".repeat(500_000));
        for (int i = 0; i < 30; i++) {
            assertError(api.post("/auth/login", big), 413, "payload_too_large");
        }
    }

    @Test
    void bodiesOver64KiBAre413() {
        String big = json("email", "a@example.org", "password", "x".repeat(70_000));
        assertError(api.post("/auth/login", big), 413, "payload_too_large");
        // Chunked, without Content-Length: counted while reading.
        HttpRequest chunked = HttpRequest.newBuilder(api.uri("/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertError(api.send(chunked), 413, "payload_too_large");
        String justUnder = json("email", "a@example.org", "password", "x".repeat(60_000));
        assertEquals(401, api.post("/auth/login", justUnder).status());
    }

    @Test
    void nonJsonBodiesAre415() {
        assertError(api.post("/auth/login", "email=a&password=b", "Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
        assertError(api.post("/auth/login", "{}", "Content-Type", "text/plain"), 415, "unsupported_media_type");
        assertError(api.post("/auth/login", "{}", "Content-Type", "application/json; charset=latin1"), 415, "unsupported_media_type");
        assertEquals(400, api.post("/auth/login", "{}", "Content-Type", "application/json; charset=UTF-8").status());
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        for (String bad : List.of("{", "[]", "\"text\"", "42", "null", "{\"email\":\"a\",}", "{\"email\":\"a\"}{}",
                "{\"email\":\"a@example.org\",\"email\":\"b@example.org\",\"password\":\"x\"}", "{/*c*/}", "\u0000")) {
            Reply r = api.post("/auth/login", bad);
            assertEquals(400, r.status(), bad + " -> " + r.text());
            assertSecure(r);
        }
        assertError(api.post("/auth/login", json("email", 1, "password", true)), 400, "validation_failed");
        assertError(api.post("/auth/login", json("email", List.of("a"), "password", Map.of())), 400, "validation_failed");
        assertError(api.post("/auth/register", json("email", "a@example.org")), 400, "validation_failed");
        assertError(api.post("/auth/register", "[" .repeat(5000) + "]".repeat(5000)), 400, "malformed_json");
        assertError(api.post("/auth/login", json("email", "a\u0000@example.org", "password", "x")), 400, "validation_failed");
        assertError(api.post("/auth/login", ""), 400, "malformed_json");
    }

    @Test
    void sqlLookingAndUnicodeTextIsStoredVerbatim() {
        String evil = "Robert'); DROP TABLE users;-- \" OR 1=1 --";
        Reply renamed = api.send("PATCH", "/me", json("display_name", evil), "Authorization", "Bearer " + token);
        assertEquals(evil, renamed.json().path("display_name").asText());
        String notes = "नमस्ते 🙏 — ümlaut, 中文, emoji 🧘‍♀️, quote ' \" \\ and '; DELETE FROM practice_sessions; --";
        Reply s = api.postAs(token, "/me/sessions", json("sequence", "morning-energizer", "duration_seconds", 60,
                "completed", true, "notes", notes));
        assertEquals(201, s.status());
        assertEquals(notes, api.getAs(token, "/me/sessions").json().path("items").get(0).path("notes").asText());
        assertEquals(evil, api.getAs(token, "/me").json().path("display_name").asText());
        // An email that looks like SQL is just an unknown address.
        assertEquals(401, api.login("x' OR '1'='1@example.org", "' OR '1'='1' --").status());
        assertError(api.post("/auth/register", json("email", "a@b.c'; DROP TABLE users; --", "password", "a fine long passphrase")),
                400, "validation_failed");
    }

    @Test
    void strictHttpParsingRejectsMalformedRequestsWithJson() throws Exception {
        for (String raw : List.of(
                "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nBad Header Line\r\n\r\n",
                "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n Folded: header\r\n\r\n",
                "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                "GET /api/v1/%2e%2e/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "a".repeat(10_000) + "\r\n\r\n")) {
            String answer = rawRequest(raw);
            String status = answer.substring(0, answer.indexOf("\r\n"));
            assertTrue(status.matches("HTTP/1.1 4\\d\\d .*"), raw.substring(0, Math.min(60, raw.length())) + " -> " + status);
            assertTrue(answer.contains("X-Content-Type-Options: nosniff"), answer);
            assertTrue(answer.contains("\"error\""), answer);
            assertFalse(answer.contains("Server:"), answer);
        }
    }

    private static String rawRequest(String raw) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.api.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no answer to " + raw.substring(0, 40), e);
        }
    }

    @Test
    void corsOnlyForConfiguredOrigins() {
        Reply allowed = api.get("/health", "Origin", "https://studio.example");
        assertEquals("https://studio.example", allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.headers().allValues("Vary").toString().contains("Origin"));
        Reply other = api.get("/health", "Origin", "https://evil.example");
        assertNull(other.header("Access-Control-Allow-Origin"));
        assertTrue(other.headers().allValues("Vary").toString().contains("Origin"));

        Reply preflight = api.send("OPTIONS", "/me/sessions", null, "Origin", "http://localhost:8080",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type, idempotency-key");
        assertEquals(204, preflight.status());
        assertEquals("http://localhost:8080", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Idempotency-Key"));
        assertSecure(preflight);
        Reply denied = api.send("OPTIONS", "/me/sessions", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertError(denied, 403, "origin_not_allowed");
        assertNull(denied.header("Access-Control-Allow-Origin"));
        // Errors carry CORS headers too, so the browser lets the site read them.
        assertEquals("https://studio.example", api.get("/me", "Origin", "https://studio.example").header("Access-Control-Allow-Origin"));
    }

    @Test
    void randomGarbageNeverCausesAServerError() throws Exception {
        Random random = new Random(42);
        String[] paths = {"/auth/register", "/auth/login", "/auth/refresh", "/auth/verify-email", "/auth/forgot-password",
                "/auth/reset-password", "/me/sessions", "/me"};
        String[] fragments = {"{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-0", "\"email\"",
                "\"password\"", "\"sequence\"", "\"duration_seconds\"", "\"token\"", "\\u0000", "\\ud800", "é", "🧘", " "};
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(20);
            for (int j = 0; j < n; j++) {
                b.append(fragments[random.nextInt(fragments.length)]);
            }
            String path = paths[random.nextInt(paths.length)];
            Reply r = path.startsWith("/me") ? api.postAs(token, path, b.toString()) : api.post(path, b.toString());
            assertTrue(r.status() < 500, path + " " + b + " -> " + r.status() + " " + r.text());
        }
        for (String q : List.of("?tz=%ZZ", "?tz=%", "?tz=" + "A".repeat(3000), "?limit=99999999999999999999", "?cursor=%00",
                "?cursor=MTIzNA", "?limit=1&limit=2", "?tz=%C0%AF")) {
            for (String path : List.of("/api/v1/me/progress", "/api/v1/me/sessions", "/api/v1/me/achievements")) {
                String answer = rawRequest("GET " + path + q + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n");
                assertTrue(answer.matches("(?s)HTTP/1.1 [234]\\d\\d .*"), path + q + " -> " + answer);
            }
        }
    }

    @Test
    void healthAndOpenApiArePublic() {
        Reply h = api.get("/health");
        assertEquals(200, h.status());
        assertEquals("ok", h.json().path("status").asText());
        Reply doc = api.get("/openapi.json");
        assertEquals(200, doc.status());
        assertTrue(doc.json().path("openapi").asText().startsWith("3.1"));
    }
}
