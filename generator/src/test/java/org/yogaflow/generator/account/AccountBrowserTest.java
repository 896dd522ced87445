package org.yogaflow.generator.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
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
 * The account pages in headless Chromium against the real account API: builds the real content
 * twice (with {@code --api-url}, and read-only without it), serves both with {@link SiteServer},
 * starts the API on SQLite in a temporary folder with its emails in an outbox there, and runs
 * {@code browser-tests/account.mjs} (register → emailed link → verify → log in → favorites →
 * practice log → dashboard → log out, the offline queue, remember me, lockout, reset, delete,
 * an unreachable API, the read-only site; axe-core and screenshots at 375 and 1280 px into
 * {@code target/screenshots/}). Skipped without Node, Chromium or {@code npm ci} in browser-tests/,
 * except in CI, where it must run.
 */
class AccountBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void accountPagesInChromium() throws Exception {
        Node.requireBrowser();
        // The site, its read-only twin and the API each need their port before the others start.
        int sitePort = freePort();
        int readOnlyPort = freePort();
        int apiPort = freePort();
        String site = "http://127.0.0.1:" + sitePort + "/";
        String readOnly = "http://127.0.0.1:" + readOnlyPort + "/";
        String api = "http://127.0.0.1:" + apiPort + "/api/v1";
        Path content = TestSites.CONTENT;
        Path cache = tmp.resolve("cache");
        Path out = tmp.resolve("public");
        Path plain = tmp.resolve("read-only");
        TestSites.Run build = TestSites.build(content, out, "--cache", cache.toString(), "--base-url", site, "--api-url", api);
        assertEquals(ExitCodes.OK, build.code(), build.err());
        build = TestSites.build(content, plain, "--cache", cache.toString(), "--base-url", readOnly);
        assertEquals(ExitCodes.OK, build.code(), build.err());

        Map<String, String> env = new HashMap<>();
        env.put("YOGAFLOW_DATA_DIR", tmp.resolve("data").toString());
        env.put("YOGAFLOW_OUTBOX_DIR", tmp.resolve("outbox").toString());
        env.put("YOGAFLOW_PORT", Integer.toString(apiPort));
        env.put("YOGAFLOW_BCRYPT_COST", "4");
        env.put("YOGAFLOW_ALLOWED_ORIGINS", "http://127.0.0.1:" + sitePort);
        env.put("YOGAFLOW_SITE_URL", site);
        env.put("YOGAFLOW_CATALOG", out.resolve("api/catalog.json").toString());
        env.put("YOGAFLOW_LOG_REQUESTS", "false");
        // The tests make many accounts from one address; the lockout stays on (one test checks it).
        for (String limit : new String[] {"REGISTER", "LOGIN", "FORGOT_PASSWORD", "RESET_PASSWORD"}) {
            env.put("YOGAFLOW_RATE_" + limit, "off");
        }
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        try (AccountApi ignored = AccountApi.start(Settings.fromEnvironment(env), Clock.systemUTC());
             SiteServer server = SiteServer.start(out, sitePort);
             SiteServer readOnlyServer = SiteServer.start(plain, readOnlyPort)) {
            String output = Node.run(tmp.resolve("browser.log"), 600, "account.mjs",
                    site, api, tmp.resolve("outbox").toString(), readOnly, screenshots.toString());
            assertTrue(output.contains(" passed, 0 failed"), output);
        }
        for (String page : new String[] {"register", "login", "dashboard", "settings", "favorites", "pose-favorite"}) {
            for (String width : new String[] {"375", "1280"}) {
                assertTrue(Files.isRegularFile(screenshots.resolve(page + "-" + width + ".png")), page + "-" + width);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
