package org.yogaflow.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import picocli.CommandLine;

/** {@code serve --watch} over real HTTP: edits rebuild the site and reach open pages as events. */
class WatchTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    Path content;
    Preview preview;
    final StringWriter log = new StringWriter();
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        content = TestSites.copySite("valid", tmp);
        CommandLine cmd = new CommandLine(new ServeCommand());
        cmd.parseArgs("--watch", "--content", content.toString(), "--out", tmp.resolve("public").toString(),
                "--theme", TestSites.THEME.toString(), "--cache", tmp.resolve("cache").toString());
        PrintWriter out = new PrintWriter(log, true);
        preview = Preview.start(cmd, ((ServeCommand) cmd.getCommand()).flags, 0, out, out);
        // Each event's name and data on one line: "reload {}", "problems {...}".
        HTTP.sendAsync(request("/__yogaflow/events"), HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
            StringBuilder event = new StringBuilder();
            r.body().forEach(line -> {
                if (line.startsWith("retry: ")) events.add("open"); // the server now sends this stream every event
                if (line.startsWith("event: ")) event.append(line.substring(7));
                if (line.startsWith("data: ")) event.append(' ').append(line.substring(6));
                if (line.isEmpty() && !event.isEmpty()) {
                    events.add(event.toString());
                    event.setLength(0);
                }
            });
        });
        assertEquals("open", events.poll(10, TimeUnit.SECONDS));
    }

    @AfterEach
    void stop() throws Exception {
        preview.close();
    }

    HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + path)).build();
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    String nextEvent() throws InterruptedException {
        String event = events.poll(30, TimeUnit.SECONDS);
        assertNotNull(event, "no event within 30 s; log:\n" + log);
        return event;
    }

    @Test
    void pagesGetTheLiveScriptAndTheSiteIsBuiltForTheServersAddress() throws Exception {
        String home = get("/").body();

        assertTrue(home.contains("<script type=\"module\" src=\"/__yogaflow/live.js\"></script>\n</head>"), home);
        assertEquals(200, get("/__yogaflow/live.js").statusCode());
        assertEquals("text/css; charset=utf-8", get("/__yogaflow/live.css").headers().firstValue("Content-Type").orElseThrow());
        String sitemap = get("/sitemap.xml").body();
        assertTrue(sitemap.contains("http://localhost:" + preview.port() + "/poses/tree/"), sitemap);
    }

    @Test
    void anEditReloadsABreakShowsTheErrorAndAFixReloads() throws Exception {
        Path tree = content.resolve("poses/tree.md");
        String original = Files.readString(tree);

        Files.writeString(tree, original.replace("name: Tree Pose", "name: Tall Tree Pose"));
        assertEquals("reload {}", nextEvent());
        assertTrue(get("/poses/tree/").body().contains("<h1>Tall Tree Pose</h1>"));

        Files.writeString(tree, original.replace("name: Tree Pose", "name: Tall Tree Pose")
                .replace("difficulty: beginner", "difficulty: beginer"));
        String problems = nextEvent();
        assertTrue(problems.startsWith("problems {\"errors\":[{\"path\":\"content/poses/tree.md\",\"line\":5,\"column\":13,"
                + "\"message\":\"unknown difficulty 'beginer'\",\"hint\":\"did you mean 'beginner'?\"}"), problems);
        assertTrue(get("/poses/tree/").body().contains("<h1>Tall Tree Pose</h1>"), "the last good site is still served");
        assertTrue(log.toString().contains("still serving the last good site"), log.toString());

        Files.writeString(tree, original);
        assertEquals("reload {}", nextEvent());
        assertTrue(get("/poses/tree/").body().contains("<h1>Tree Pose</h1>"));
    }

    @Test
    void aPageOpenedWhileTheBuildIsBrokenGetsTheErrorsAtOnce() throws Exception {
        Files.writeString(content.resolve("site.yaml"), "title: Lotus\nlanguge: en\n");
        String problems = nextEvent();
        assertTrue(problems.contains("\"path\":\"content/site.yaml\",\"line\":2"), problems);

        BlockingQueue<String> late = new LinkedBlockingQueue<>();
        HTTP.sendAsync(request("/__yogaflow/events"), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().filter(l -> l.startsWith("event: ")).forEach(late::add));
        assertEquals("event: problems", late.poll(30, TimeUnit.SECONDS));
    }

    @Test
    void aNewFolderIsWatchedToo() throws Exception {
        Path folder = content.resolve("poses/standing");
        Files.createDirectories(folder);
        Thread.sleep(500); // the watcher registers the folder, and builds once (nothing changed)
        events.clear();
        Files.writeString(folder.resolve("chair.md"), Files.readString(content.resolve("poses/tree.md"))
                .replace("name: Tree Pose", "name: Chair Pose"));

        String event = nextEvent();
        assertEquals("reload {}", event);
        assertEquals(200, get("/poses/chair/").statusCode());
    }
}
