package org.yogaflow.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.account.AccountApi;
import org.yogaflow.account.Settings;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;
import org.yogaflow.generator.search.Node;
import org.yogaflow.generator.serve.SiteServer;

/**
 * Every kind of page of the real content, at 375 and 1280 px, in headless Chromium
 * ({@code browser-tests/pages.mjs}): once built with {@code --api-url} for the real account API
 * (started in this process, SQLite in a temporary folder, CORS for the site), once read-only;
 * with account pages, the API's site is visited again signed in (a user registered through the
 * API and verified from its outbox, logged in on the login page). Screenshots go to {@code target/screenshots/}; axe-core, console, failed requests, CSP and
 * horizontal scrolling are checked on each. Skipped without Node, Chromium or {@code npm ci} in
 * browser-tests/, except in CI.
 */
class SitePagesBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void everyPageAtBothSizes() throws Exception {
        Node.requireBrowser();
        Path readOnly = tmp.resolve("read-only");
        Path withApi = tmp.resolve("with-api");
        Path cache = tmp.resolve("cache"); // shared: the second build encodes no photo
        TestSites.Run plain = TestSites.build(TestSites.CONTENT, readOnly, "--cache", cache.toString());
        assertEquals(ExitCodes.OK, plain.code(), plain.err());

        // The site's server comes first: the API must allow its origin, and the site is built for both.
        try (SiteServer readOnlySite = SiteServer.start(readOnly, 0); SiteServer site = SiteServer.start(withApi, 0)) {
            String siteUrl = "http://127.0.0.1:" + site.port() + "/";
            AccountApi api = AccountApi.start(Settings.fromEnvironment(Map.of(
                    "YOGAFLOW_PORT", "0",
                    "YOGAFLOW_DATA_DIR", tmp.resolve("data").toString(),
                    "YOGAFLOW_ALLOWED_ORIGINS", "http://127.0.0.1:" + site.port(),
                    "YOGAFLOW_SITE_URL", siteUrl,
                    "YOGAFLOW_CATALOG", withApi.resolve("api/catalog.json").toString(),
                    "YOGAFLOW_CATALOG_REFRESH_SECONDS", "1",
                    "YOGAFLOW_BCRYPT_COST", "4",
                    "YOGAFLOW_LOG_REQUESTS", "false")), Clock.systemUTC());
            try {
                String apiUrl = "http://127.0.0.1:" + api.port() + "/api/v1";
                TestSites.Run build = TestSites.build(TestSites.CONTENT, withApi, "--cache", cache.toString(),
                        "--api-url", apiUrl, "--base-url", siteUrl);
                assertEquals(ExitCodes.OK, build.code(), build.err());
                assertTrue(Files.readString(withApi.resolve("index.html"))
                        .contains("<meta name=\"yogaflow-api\" content=\"" + apiUrl + "\">"), "the site calls the API");

                Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
                String output = Node.run(tmp.resolve("pages.log"), 900, "pages.mjs", screenshots.toString(),
                        "api=" + siteUrl + "=" + withApi + "=" + tmp.resolve("data/outbox"),
                        "readonly=http://127.0.0.1:" + readOnlySite.port() + "/=" + readOnly);
                assertTrue(output.contains(" passed, 0 failed"), output);
                assertTrue(Files.size(screenshots.resolve("home-375.png")) > 0, "screenshots");
                assertTrue(Files.size(screenshots.resolve("readonly-404-1280.png")) > 0, "screenshots");
            } finally {
                api.close();
            }
        }
    }
}
