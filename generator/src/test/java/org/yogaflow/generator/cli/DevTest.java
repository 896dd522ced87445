package org.yogaflow.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import picocli.CommandLine;

/** {@code yogaflow dev}: the site and the real account API in one process, wired to each other. */
class DevTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;

    static DevSite dev;
    static String site;

    @BeforeAll
    static void start() throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        CommandLine cmd = new CommandLine(new DevCommand());
        cmd.parseArgs("--port", "0", "--api-port", "0", "--content", content.toString(),
                "--out", tmp.resolve("public").toString(), "--theme", TestSites.THEME.toString(),
                "--cache", tmp.resolve("cache").toString(), "--data", tmp.resolve("data").toString());
        PrintWriter log = new PrintWriter(new StringWriter(), true);
        dev = DevSite.start(cmd.getCommand(), Map.of("YOGAFLOW_BCRYPT_COST", "4", "YOGAFLOW_LOG_REQUESTS", "false"),
                log, log);
        site = "http://localhost:" + dev.preview().port();
    }

    @AfterAll
    static void stop() throws Exception {
        dev.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiAnswers() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(dev.apiUrl() + "/health")));

        assertEquals(200, health.statusCode(), health.body());
    }

    @Test
    void theApiAllowsTheSitesOriginOnly() throws Exception {
        HttpResponse<String> allowed = send(preflight(site));
        HttpResponse<String> other = send(preflight("http://localhost:1"));

        assertEquals(204, allowed.statusCode());
        assertEquals(site, allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals(403, other.statusCode());
    }

    static HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(URI.create(dev.apiUrl() + "/auth/login"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type");
    }

    @Test
    void pagesCallTheApiAndMayConnectToIt() throws Exception {
        String page = send(HttpRequest.newBuilder(URI.create(site + "/poses/tree/"))).body();

        assertTrue(page.contains("<meta name=\"yogaflow-api\" content=\"" + dev.apiUrl() + "\">"), page);
        assertTrue(page.contains("connect-src &#39;self&#39; http://127.0.0.1:" + dev.api().port() + ";"), page);
        assertTrue(page.contains("src=\"/__yogaflow/live.js\""), "live reload: " + page);
    }

    @Test
    void emailsGoToTheOutboxWithLinksToTheSite() throws Exception {
        HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(dev.apiUrl() + "/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"ana@example.org\",\"password\":\"a long enough passphrase 42\"}")));
        assertEquals(202, registered.statusCode(), registered.body());

        Path outbox = tmp.resolve("data/outbox");
        List<Path> mails = List.of();
        for (int i = 0; i < 100 && mails.isEmpty(); i++) {
            Thread.sleep(100);
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    mails = files.filter(p -> p.toString().endsWith(".eml")).toList();
                }
            }
        }
        assertEquals(1, mails.size(), "one email in " + outbox);
        String mail = Files.readString(mails.getFirst()).replace("=\r\n", "").replace("=\n", "");
        assertTrue(mail.contains(site + "/account/verify-email/"), mail);
    }
}
