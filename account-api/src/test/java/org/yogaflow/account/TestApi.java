package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real account API for tests: its own temporary data folder (SQLite file, outbox, dev
 * secret), a small catalog, bcrypt cost 4, rate limits off unless a test sets them, and an
 * HTTP client on the random port it listens on.
 */
final class TestApi implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger EMAILS = new AtomicInteger();

    final Path dir;
    final MutableClock clock = new MutableClock();
    final Map<String, String> env = new HashMap<>();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AccountApi api;

    TestApi(Path dir, Map<String, String> overrides) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("catalog.json"), CATALOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("YOGAFLOW_DATA_DIR", dir.resolve("data").toString());
        env.put("YOGAFLOW_CATALOG", dir.resolve("catalog.json").toString());
        env.put("YOGAFLOW_PORT", "0");
        env.put("YOGAFLOW_BCRYPT_COST", "4");
        env.put("YOGAFLOW_RATE_REGISTER", "off");
        env.put("YOGAFLOW_RATE_LOGIN", "off");
        env.put("YOGAFLOW_RATE_FORGOT_PASSWORD", "off");
        env.put("YOGAFLOW_RATE_RESET_PASSWORD", "off");
        env.put("YOGAFLOW_LOG_REQUESTS", "false");
        env.put("YOGAFLOW_SHUTDOWN_GRACE_SECONDS", "5");
        env.putAll(overrides);
        start();
    }

    static TestApi start(Path dir) {
        return new TestApi(dir, Map.of());
    }

    void start() {
        api = AccountApi.start(Settings.fromEnvironment(env), clock);
    }

    void restart() {
        api.close();
        start();
    }

    @Override
    public void close() {
        api.close();
        client.close();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + "/api/v1" + path);
    }

    /** An answer: status, headers and the body parsed as JSON (null if empty). */
    record Reply(int status, java.net.http.HttpHeaders headers, String text) {
        JsonNode json() {
            try {
                return text.isEmpty() ? null : JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }
    }

    Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    Reply getAs(String token, String path) {
        return get(path, "Authorization", "Bearer " + token);
    }

    Reply postAs(String token, String path, String body, String... headers) {
        String[] all = Stream.concat(Stream.of("Authorization", "Bearer " + token), Stream.of(headers)).toArray(String[]::new);
        return post(path, body, all);
    }

    static String json(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newEmail() {
        return "user" + EMAILS.incrementAndGet() + "-" + System.nanoTime() % 100000 + "@example.org";
    }

    // ---- mail ----

    /** Every email written to the outbox so far, oldest first (waits briefly for the mail thread). */
    List<String> outbox() {
        Path outbox = dir.resolve("data/outbox");
        try {
            if (!Files.isDirectory(outbox)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(outbox)) {
                List<String> mails = new ArrayList<>();
                for (Path p : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                    mails.add(Files.readString(p));
                }
                return mails;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest email to {@code to}, waiting up to 5 s for it to arrive. */
    String mailTo(String to, String subjectPart) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> mails = outbox().stream()
                    .filter(m -> m.contains("To: " + to) && m.contains(subjectPart)).toList();
            if (!mails.isEmpty()) {
                return mails.get(mails.size() - 1);
            }
            sleep(20);
        }
        throw new AssertionError("no email '" + subjectPart + "' to " + to + " in " + outbox().size() + " emails");
    }

    long mailsTo(String to) {
        return outbox().stream().filter(m -> m.contains("To: " + to)).count();
    }

    static String token(String mail) {
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(mail);
        assertTrue(m.find(), "no token in " + mail);
        return m.group(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- accounts ----

    /** Registers, verifies and signs in a new user; returns its login answer. */
    JsonNode newUser() {
        String email = newEmail();
        register(email, PASSWORD);
        assertEquals(204, post("/auth/verify-email", json("token", token(mailTo(email, "Confirm")))).status());
        Reply login = login(email, PASSWORD);
        assertEquals(200, login.status(), login.text());
        com.fasterxml.jackson.databind.node.ObjectNode tokens = (com.fasterxml.jackson.databind.node.ObjectNode) login.json();
        tokens.put("email", email);
        return tokens;
    }

    /** An access token of a new, verified user. */
    String newToken() {
        return newUser().path("access_token").asText();
    }

    void register(String email, String password) {
        Reply r = post("/auth/register", json("email", email, "password", password));
        assertEquals(202, r.status(), r.text());
    }

    Reply login(String email, String password) {
        return post("/auth/login", json("email", email, "password", password));
    }

    static final String CATALOG = """
            {"version":1,"base_url":"http://localhost:8080/",
             "poses":[
               {"slug":"mountain","url":"http://localhost:8080/poses/mountain/","name":"Mountain Pose","sanskrit":"Tāḍāsana"},
               {"slug":"tree","url":"http://localhost:8080/poses/tree/","name":"Tree Pose","sanskrit":"Vṛkṣāsana"},
               {"slug":"warrior-2","url":"http://localhost:8080/poses/warrior-2/","name":"Warrior II","sanskrit":"Vīrabhadrāsana II"},
               {"slug":"child","url":"http://localhost:8080/poses/child/","name":"Child's Pose","sanskrit":"Bālāsana"}],
             "sequences":[
               {"slug":"morning-energizer","url":"http://localhost:8080/sequences/morning-energizer/","title":"Morning Energizer",
                "difficulty":"beginner","minutes":15,"computed_seconds":905,"steps":[{"pose":"mountain","hold":30}]},
               {"slug":"back-pain-relief","url":"http://localhost:8080/sequences/back-pain-relief/","title":"Back Pain Relief",
                "difficulty":"beginner","minutes":20,"computed_seconds":1190,"steps":[{"pose":"child","hold":60}]},
               {"slug":"evening-wind-down","url":"http://localhost:8080/sequences/evening-wind-down/","title":"Evening Wind-Down",
                "difficulty":"beginner","minutes":10,"computed_seconds":600,"steps":[{"pose":"child","hold":60}]}]}
            """;
}
