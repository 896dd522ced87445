package org.yogaflow.generator.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;

/** End-to-end builds of the fixture site through the real CLI. */
class BuildTest {

    @TempDir
    Path tmp;

    @Test
    void buildsEveryPageAndFile() {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");

        TestSites.Run run = TestSites.build(content, out);

        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().contains("built 3 poses, 1 sequence, 16 pages (1 photo)"), run.out());
        List<String> files = TestSites.files(out);
        for (String expected : List.of("index.html", "404.html", "poses/index.html", "poses/mountain/index.html",
                "poses/tree/index.html", "poses/downward-dog/index.html", "sequences/index.html",
                "sequences/short-flow/index.html", "sitemap.xml", "robots.txt", "api/catalog.json", "_headers")) {
            assertTrue(files.contains(expected), expected + " missing from " + files);
        }
        // The draft pose is not published; the photo's WebP renditions and the assets carry
        // content hashes; the 320 px source gets a 200 px rendition and one at its own width.
        assertFalse(files.contains("poses/crow/index.html"));
        assertEquals(2, files.stream().filter(f -> f.startsWith("images/")).count(), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.matches("images/mountain-200\\.[0-9a-f]{20}\\.webp")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.matches("images/mountain-320\\.[0-9a-f]{20}\\.webp")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.matches("assets/site\\.[0-9a-f]{10}\\.css")), files.toString());
    }

    @Test
    void hiddenFilesAndEditorBackupsAreNotContent() throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        String tree = Files.readString(content.resolve("poses/tree.md"));
        Files.writeString(content.resolve("poses/.tree.md.swp"), "not yaml at all: [");
        Files.writeString(content.resolve("poses/tree.md~"), tree);
        Files.createDirectories(content.resolve("poses/.drafts"));
        Files.writeString(content.resolve("poses/.drafts/hidden.md"), tree);
        Files.writeString(content.resolve("photos/.DS_Store"), "x");
        Path out = tmp.resolve("public");

        TestSites.Run run = TestSites.build(content, out);

        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertFalse(run.err().contains("warning"), run.err());
        assertTrue(run.out().contains("built 3 poses"), run.out());
        assertFalse(Files.exists(out.resolve("poses/hidden")));
    }

    @Test
    void draftsArePublishedOnRequest() {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");

        assertEquals(ExitCodes.OK, TestSites.build(content, out, "--drafts").code());

        assertTrue(Files.isRegularFile(out.resolve("poses/crow/index.html")));
    }

    @Test
    void themePagesScriptModulesAndTheApiUrl() throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Path theme = tmp.resolve("theme");
        TestSites.copyTree(TestSites.THEME, theme);
        Files.createDirectories(theme.resolve("templates/pages/account"));
        Files.writeString(theme.resolve("templates/pages/account/login.peb"), """
                {# title: Log in
                   description: Log in to keep a record of your practice.
                   section: account #}
                {% extends "base" %}
                {% block content %}<h1>{{ page.title }}</h1><script type="module" src="{{ assets["js/login.js"] }}"></script>{% endblock %}
                """);
        Files.createDirectories(theme.resolve("assets/js"));
        Files.writeString(theme.resolve("assets/js/login.js"), "import { api } from './api.js';\n");
        Files.writeString(theme.resolve("assets/js/api.js"), "export const api = 1;\n");
        Path out = tmp.resolve("public");

        TestSites.Run run = TestSites.cli("build", "--content", content.toString(), "--out", out.toString(),
                "--theme", theme.toString(), "--api-url", "http://127.0.0.1:8081/api/v1/");

        assertEquals(ExitCodes.OK, run.code(), run.err());
        String login = Files.readString(out.resolve("account/login/index.html"));
        assertTrue(login.contains("<title>Log in · YogaFlow</title>"), login);
        assertTrue(login.contains("<meta name=\"description\" content=\"Log in to keep a record of your practice.\">"), login);
        assertTrue(login.contains("<meta name=\"yogaflow-api\" content=\"http://127.0.0.1:8081/api/v1\">"), login);
        assertTrue(login.contains("connect-src &#39;self&#39; http://127.0.0.1:8081;"), login);
        assertTrue(Files.readString(out.resolve("_headers")).contains("connect-src 'self' http://127.0.0.1:8081;"));
        // Both modules sit in one folder named by their hash, so the relative import resolves.
        java.util.regex.Matcher src = java.util.regex.Pattern.compile("src=\"/(assets/js\\.[0-9a-f]{10}/)login\\.js\"").matcher(login);
        assertTrue(src.find(), login);
        assertTrue(Files.isRegularFile(out.resolve(src.group(1) + "api.js")));

        // Without --api-url the site is read-only: no API meta, no other origin in the policy.
        assertEquals(ExitCodes.OK, TestSites.cli("build", "--content", content.toString(), "--out", out.toString(),
                "--theme", theme.toString()).code());
        String plain = Files.readString(out.resolve("account/login/index.html"));
        assertFalse(plain.contains("yogaflow-api"), plain);
        assertTrue(plain.contains("connect-src &#39;self&#39;;"), plain);
        TestSites.Run bad = TestSites.cli("build", "--content", content.toString(), "--out", out.toString(),
                "--theme", theme.toString(), "--api-url", "localhost:8081");
        assertTrue(bad.code() != ExitCodes.OK && bad.err().contains("invalid --api-url"), bad.err());
    }

    /** Golden files: rerun with -Dgolden.update=true to rewrite them, then review the diff. */
    @ParameterizedTest
    @ValueSource(strings = {"poses/tree/index.html", "poses/mountain/index.html", "sequences/short-flow/index.html",
            "poses/index.html", "index.html", "api/catalog.json", "sitemap.xml", "robots.txt", "_headers"})
    void renderedFilesMatchGoldenCopies(String file) throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");
        assertEquals(ExitCodes.OK, TestSites.build(content, out, "--base-url", "https://studio.example/yoga/").code());

        String actual = Files.readString(out.resolve(file));
        Path golden = Path.of("src/test/resources/golden", file.replace('/', '_'));
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
    }

    @Test
    void sameInputGivesByteIdenticalOutput() throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");

        assertEquals(ExitCodes.OK, TestSites.build(content, first).code());
        assertEquals(ExitCodes.OK, TestSites.build(content, second).code());

        Map<String, byte[]> a = snapshot(first);
        Map<String, byte[]> b = snapshot(second);
        assertEquals(a.keySet(), b.keySet());
        for (String file : a.keySet()) {
            assertArrayEquals(a.get(file), b.get(file), file);
        }
    }

    @Test
    void failedBuildLeavesThePublishedSiteUntouched() throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");
        assertEquals(ExitCodes.OK, TestSites.build(content, out).code());
        Map<String, byte[]> before = snapshot(out);

        // A broken reference: content error, exit 2.
        Files.writeString(content.resolve("sequences/short-flow.yaml"),
                Files.readString(content.resolve("sequences/short-flow.yaml")).replace("pose: tree", "pose: treee"));
        TestSites.Run run = TestSites.build(content, out);

        assertEquals(ExitCodes.INVALID_CONTENT, run.code());
        assertTrue(run.err().contains("content/sequences/short-flow.yaml:13:11: error: unknown pose 'treee'"), run.err());
        assertTrue(run.err().contains("was not changed"), run.err());
        assertSnapshotEquals(before, snapshot(out));
        assertNoStagingLeft();
        // The staging folder linked meanwhile is kept as the previous site: a copy of the published one.
        assertSnapshotEquals(before, snapshot(tmp.resolve(".public.previous")));
    }

    @Test
    void brokenTemplateFailsWithItsLineAndLeavesTheSiteUntouched() throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");
        assertEquals(ExitCodes.OK, TestSites.build(content, out).code());
        Map<String, byte[]> before = snapshot(out);
        Path theme = tmp.resolve("theme");
        TestSites.copyTree(TestSites.THEME, theme);
        Path pose = theme.resolve("templates/pose.peb");
        Files.writeString(pose, Files.readString(pose).replace("{{ pose.name }}</h1>", "{{ pose.nmae }}</h1>"));

        TestSites.Run run = TestSites.cli("build", "--content", content.toString(), "--out", out.toString(),
                "--theme", theme.toString());

        assertEquals(ExitCodes.FAILURE, run.code());
        assertTrue(run.err().matches("(?s)error: template error at .*templates/pose\\.peb:7: Attribute \\[nmae\\].*"), run.err());
        assertFalse(run.err().contains("caused by"), "the cause repeats the message: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose: " + run.err());
        assertSnapshotEquals(before, snapshot(out));
        assertNoStagingLeft();
    }

    @Test
    void truncatedPhotoIsAContentErrorNamingThePoseAndFile() throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");
        Path photo = content.resolve("photos/mountain.png");
        byte[] bytes = Files.readAllBytes(photo);
        Files.write(photo, java.util.Arrays.copyOf(bytes, 20)); // the PNG signature survives, the header does not

        TestSites.Run run = TestSites.build(content, out);

        assertEquals(ExitCodes.INVALID_CONTENT, run.code(), run.err());
        assertTrue(run.err().contains("content/poses/mountain.md:14:8: error: content/photos/mountain.png: cannot be read: "
                + "the file is corrupt or truncated"), run.err());
        assertFalse(Files.exists(out));
        assertNoStagingLeft();
    }

    @Test
    void strictTurnsWarningsIntoFailures() throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");
        Path tree = content.resolve("poses/tree.md");
        Files.writeString(tree, Files.readString(tree).replace("related: [mountain]", "related: [mountain, tree]"));

        assertEquals(ExitCodes.OK, TestSites.build(content, out).code());
        TestSites.Run strict = TestSites.build(content, tmp.resolve("strict"), "--strict");

        assertEquals(ExitCodes.INVALID_CONTENT, strict.code());
        assertTrue(strict.err().contains("warning: pose lists itself as related"), strict.err());
        assertFalse(Files.exists(tmp.resolve("strict")));
    }

    /** No staging folder is left beside the output (the previous site may be kept there). */
    private void assertNoStagingLeft() throws IOException {
        try (var siblings = Files.list(tmp)) {
            List<String> names = siblings.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith(".public") && !n.equals(".public.previous")), names.toString());
        }
    }

    private static void assertSnapshotEquals(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file));
    }

    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : TestSites.files(root)) {
            files.put(file, Files.readAllBytes(root.resolve(file)));
        }
        return files;
    }
}
