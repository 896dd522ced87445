package org.yogaflow.generator.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.search.Node;
import picocli.CommandLine;

/**
 * {@code serve --watch} in headless Chromium: the preview of a copy of the real content and theme
 * on a free port, and {@code browser-tests/watch.mjs}, which edits those copies under an open pose
 * page (reload, error overlay, fix, template change) with no console errors or CSP violations.
 * Skipped without Node, Chromium or {@code npm ci} in browser-tests/, except in CI.
 */
class WatchBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void editsReloadTheOpenPageAndErrorsShowOverIt() throws Exception {
        Node.requireBrowser();
        Path content = tmp.resolve("content");
        Path theme = tmp.resolve("site-theme");
        TestSites.copyTree(TestSites.CONTENT, content);
        TestSites.copyTree(TestSites.THEME, theme);
        CommandLine cmd = new CommandLine(new ServeCommand());
        cmd.parseArgs("--watch", "--content", content.toString(), "--out", tmp.resolve("public").toString(),
                "--theme", theme.toString(), "--cache", tmp.resolve("cache").toString());
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(log, true);
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        try (Preview preview = Preview.start(cmd, ((ServeCommand) cmd.getCommand()).flags, 0, out, out)) {
            String output = Node.run(tmp.resolve("watch.log"), 300, "watch.mjs",
                    preview.url(), content.toString(), theme.toString(), screenshots.toString());
            assertTrue(output.contains(" passed, 0 failed"), output + "\npreview log:\n" + log);
        }
        // The preview printed the failed build like `yogaflow build` does, then kept serving.
        assertTrue(log.toString().contains("content/poses/tree.md:5:13: error: unknown difficulty 'beginer'"), log.toString());
        assertTrue(log.toString().contains("still serving the last good site"), log.toString());
    }
}
