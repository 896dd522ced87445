package org.yogaflow.generator.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;

/** The preview server against a real build, over real HTTP. */
class SiteServerTest {

    @TempDir
    static Path tmp;

    static SiteServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");
        assertEquals(ExitCodes.OK, TestSites.build(content, out).code());
        server = SiteServer.start(out, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesPagesWithTheirContentType() throws Exception {
        HttpResponse<String> home = get("/");
        HttpResponse<String> pose = get("/poses/tree/");

        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(pose.body().contains("<h1>Tree Pose</h1>"));
    }

    @Test
    void servesAssetsAndJsonWithTheirTypes() throws Exception {
        String css = get("/").body().replaceAll("(?s).*href=\"(/assets/site\\.[0-9a-f]+\\.css)\".*", "$1");

        assertEquals("text/css; charset=utf-8", get(css).headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/json", get("/api/catalog.json").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/xml", get("/sitemap.xml").headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void redirectsDirectoriesToTheirSlashForm() throws Exception {
        HttpResponse<String> response = get("/poses");

        assertEquals(301, response.statusCode());
        assertEquals("/poses/", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void unknownPathsGetThe404Page() throws Exception {
        HttpResponse<String> response = get("/poses/no-such-pose/");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("<h1>Page not found</h1>"));
    }

    @Test
    void pathsOutsideTheSiteAreNotServed() throws Exception {
        assertEquals(404, get("/../content/taxonomy.yaml").statusCode());
        assertEquals(404, get("/%2e%2e/content/taxonomy.yaml").statusCode());
    }

    @Test
    void appliesTheHeadersFileByPath() throws Exception {
        HttpResponse<String> page = get("/poses/tree/");
        String css = get("/").body().replaceAll("(?s).*href=\"(/assets/site\\.[0-9a-f]+\\.css)\".*", "$1");
        HttpResponse<String> asset = get(css);

        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow()
                .startsWith("default-src 'self'; script-src 'self'; style-src 'self'"), page.headers().toString());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().endsWith("frame-ancestors 'none'"));
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", asset.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("public, max-age=300", get("/api/catalog.json").headers().firstValue("Cache-Control").orElseThrow());
        String index = get("/poses/").body().replaceAll("(?s).*data-index=\"(/search/index\\.[0-9a-f]+\\.json)\".*", "$1");
        assertEquals("no-cache", get(index).headers().firstValue("Cache-Control").orElseThrow(), index);
        assertEquals("strict-origin-when-cross-origin", asset.headers().firstValue("Referrer-Policy").orElseThrow());
        assertTrue(get("/no-such-page/").headers().firstValue("Content-Security-Policy").isPresent(), "the 404 page too");
    }

    @Test
    void answersNotModifiedToAMatchingETag() throws Exception {
        HttpResponse<String> first = get("/poses/tree/");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/poses/tree/")).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/poses/tree/")).header("If-None-Match", "\"stale\"").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(200, other.statusCode());
        assertEquals(first.body(), other.body());
    }

    @Test
    void withoutWatchNoLiveReloadIsInjectedOrServed() throws Exception {
        assertFalse(get("/").body().contains("__yogaflow"));
        assertEquals(404, get("/__yogaflow/live.js").statusCode());
    }

    @Test
    void headerRulesMatchPathsAndPrefixes() throws Exception {
        Path file = tmp.resolve("_headers_test");
        java.nio.file.Files.writeString(file, """
                /*
                  X-A: all
                  Cache-Control: no-cache
                # a comment
                /assets/*
                  Cache-Control: immutable
                /exact
                  X-B: b
                """);
        HeaderRules rules = HeaderRules.read(file);

        assertEquals(java.util.Map.of("X-A", "all", "Cache-Control", "immutable"), rules.forPath("/assets/x.css"));
        assertEquals(java.util.Map.of("X-A", "all", "Cache-Control", "no-cache", "X-B", "b"), rules.forPath("/exact"));
        assertEquals(java.util.Map.of("X-A", "all", "Cache-Control", "no-cache"), rules.forPath("/exact/more"));
        assertEquals(HeaderRules.NONE, HeaderRules.read(tmp.resolve("missing")));
    }
}
