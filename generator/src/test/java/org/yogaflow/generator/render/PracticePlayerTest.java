package org.yogaflow.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;
import org.yogaflow.generator.content.ContentLoader;
import org.yogaflow.generator.content.Durations;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Sequence;
import org.yogaflow.generator.content.Step;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.search.Node;
import org.yogaflow.generator.serve.SiteServer;

/**
 * The practice player of the sequence pages, on the repository's real content: the plan the page
 * hands to {@code js/player.js} matches each sequence, and {@code browser-tests/player.mjs} plays
 * Morning Energizer in headless Chromium (skipped without Node, Chromium or {@code npm ci} in
 * browser-tests/, except in CI). Screenshots go to {@code target/screenshots/}.
 */
class PracticePlayerTest {

    private static final Pattern LIST = Pattern.compile(
            "<ol class=\"steps\" data-sequence=\"([^\"]+)\" data-transition-seconds=\"(\\d+)\" data-total-seconds=\"(\\d+)\">");
    private static final Pattern STEP = Pattern.compile(
            "<li class=\"step\" data-pose=\"([^\"]+)\" data-hold=\"(\\d+)\" data-side=\"([a-z]+)\" data-repeat=\"(\\d+)\">"
                    + "(.*?)</li>", Pattern.DOTALL);

    @TempDir
    static Path tmp;

    static Path site;

    @BeforeAll
    static void build() {
        site = tmp.resolve("public");
        TestSites.Run run = TestSites.build(TestSites.CONTENT, site);
        assertEquals(ExitCodes.OK, run.code(), run.err());
    }

    @Test
    void everySequencePageCarriesItsPlanForThePlayer() throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Library library = ContentLoader.load(TestSites.CONTENT, diagnostics).published(false);
        assertTrue(library.sequences().size() >= 10, "the real content's sequences");
        for (Sequence sequence : library.sequences().values()) {
            String html = Files.readString(site.resolve("sequences/" + sequence.slug() + "/index.html"));
            Matcher list = LIST.matcher(html);
            assertTrue(list.find(), sequence.slug() + ": the steps list with the plan");
            assertEquals(sequence.slug(), list.group(1));
            assertEquals(sequence.transitionSeconds(), Integer.parseInt(list.group(2)), sequence.slug());
            assertEquals(sequence.computedSeconds(), Integer.parseInt(list.group(3)), sequence.slug());
            // The player's total is the page's "Total time".
            assertTrue(html.contains("<time datetime=\"" + Durations.iso(sequence.computedSeconds()) + "\">"), sequence.slug());
            assertTrue(html.contains("<progress id=\"player-progress\" max=\"" + sequence.computedSeconds() + "\""), sequence.slug());

            List<String> expected = new ArrayList<>();
            for (Step step : sequence.steps()) {
                expected.add(step.pose() + " " + step.hold() + " " + step.side().slug() + " " + step.repeat());
            }
            List<String> actual = new ArrayList<>();
            Matcher step = STEP.matcher(html);
            while (step.find()) {
                actual.add(step.group(1) + " " + step.group(2) + " " + step.group(3) + " " + step.group(4));
                String body = step.group(5);
                assertTrue(body.matches("(?s).*<template class=\"step-photo\"><img src=\"[^\"]+\".*</template>\\s*"),
                        sequence.slug() + ": every step has its photo for the player: " + body);
            }
            assertEquals(expected, actual, sequence.slug());
        }
        String morning = Files.readString(site.resolve("sequences/morning-energizer/index.html"));
        assertTrue(morning.contains("data-pose=\"warrior-2\" data-hold=\"30\" data-side=\"both\" data-repeat=\"1\""));
        assertTrue(morning.contains("srcset=\"/images/warrior-2-200."), "photo renditions in the player's template");
        assertTrue(Pattern.compile("<script type=\"module\" src=\"/assets/js\\.[0-9a-f]{10}/player\\.js\"></script>")
                .matcher(morning).find(), "the player module");
    }

    @Test
    void playerInChromium() throws Exception {
        Node.requireBrowser();
        // The same content with an account API: its pages carry <meta name="yogaflow-api">.
        Path withApi = tmp.resolve("with-api");
        TestSites.Run run = TestSites.build(TestSites.CONTENT, withApi, "--api-url", "http://127.0.0.1:9/api/v1/");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        try (SiteServer plain = SiteServer.start(site, 0); SiteServer api = SiteServer.start(withApi, 0)) {
            String output = Node.run(tmp.resolve("player.log"), 300, "player.mjs",
                    "http://127.0.0.1:" + plain.port() + "/", "http://127.0.0.1:" + api.port() + "/",
                    screenshots.toString());
            assertTrue(output.contains(" passed, 0 failed"), output);
        }
        for (String shot : List.of("player-375.png", "player-1280.png")) {
            assertTrue(Files.size(screenshots.resolve(shot)) > 0, shot);
        }
    }
}
