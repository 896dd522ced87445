package org.yogaflow.generator.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;
import org.yogaflow.generator.serve.SiteServer;

/**
 * The library page in headless Chromium: builds the real content with {@code yogaflow build},
 * serves it with {@link SiteServer} and runs {@code browser-tests/run.mjs} (search, filters, URL
 * state, infinite scroll, the mobile drawer, keyboard use, no console errors, axe-core). Skipped
 * without Node, Chromium or {@code npm ci} in browser-tests/, except in CI, where it must run.
 */
class LibraryBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void libraryPageInChromium() throws Exception {
        Node.requireBrowser();
        Path out = tmp.resolve("public");
        TestSites.Run build = TestSites.build(SearchFixture.CONTENT, out);
        assertEquals(ExitCodes.OK, build.code(), build.err());
        boolean linked = Files.readString(out.resolve("poses/index.html")).contains("data-index=\"/search/index.");
        // Until the build pipeline runs the search stage, a developer's run skips; CI fails.
        Node.require(linked, "a search index linked from the built library page (the pipeline's search stage)");
        assertTrue(linked, "the library page links the search index");
        try (SiteServer server = SiteServer.start(out, 0)) {
            String output = Node.run(tmp.resolve("browser.log"), 300, "run.mjs",
                    "http://127.0.0.1:" + server.port() + "/");
            assertTrue(output.contains(" passed, 0 failed"), output);
        }
    }
}
