package org.yogaflow.generator.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Node scripts of {@code browser-tests/} for the browser tests (search, the practice player,
 * the account pages).
 * Without Node (or Chromium) a developer's run skips those tests; in CI (the CI variable set) they
 * must run and fail loudly.
 */
public final class Node {

    public static final Path BROWSER_TESTS = Path.of("..", "browser-tests").toAbsolutePath().normalize();
    static final Path SEARCH_JS = Path.of("..", "site-theme", "assets", "search.js").toAbsolutePath().normalize();
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Node() {}

    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equals("false");
    }

    /** Skips the calling test when {@code what} is missing, unless in CI. */
    public static void require(boolean present, String what) {
        if (!inCi()) assumeTrue(present, what + " is missing (required when CI is set)");
    }

    /** Skips the calling browser test when Node, Chromium or browser-tests/' npm packages are missing, unless in CI. */
    public static void requireBrowser() {
        require(hasNode(), "node");
        require(Files.isExecutable(CHROMIUM), "/usr/bin/chromium");
        require(hasModules(), "browser-tests/node_modules (run npm ci there)");
    }

    public static boolean hasNode() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean hasModules() {
        return Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))
                && Files.isDirectory(BROWSER_TESTS.resolve("node_modules/axe-core"));
    }

    /** Runs {@code node script args…} in browser-tests/; returns its output, failing on a non-zero exit. */
    public static String run(Path log, long timeoutSeconds, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(BROWSER_TESTS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly().waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertEquals(0, done ? p.exitValue() : -1, "node " + script + (done ? " failed" : " timed out") + ":\n" + output);
        return output;
    }
}
