package org.yogaflow.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;

/** {@code content/site.yaml}: read into the site, overridden by flags, its mistakes reported with file and line. */
class SiteYamlTest {

    @TempDir
    Path tmp;

    @Test
    void settingsReachThePagesSitemapAndCatalog() throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Files.writeString(content.resolve("site.yaml"), """
                title: Lotus Studio
                tagline: Slow flows in Leeds
                language: en-GB
                base_url: https://lotus.example/studio/
                api_url: https://api.lotus.example/api/v1
                contact_email: hello@lotus.example
                """);
        Path out = tmp.resolve("public");

        TestSites.Run run = TestSites.build(content, out);

        assertEquals(ExitCodes.OK, run.code(), run.err());
        String home = Files.readString(out.resolve("index.html"));
        assertTrue(home.contains("<html lang=\"en-GB\">"), home);
        assertTrue(home.contains("<title>Lotus Studio · Slow flows in Leeds</title>"), home);
        assertTrue(home.contains("<meta name=\"yogaflow-api\" content=\"https://api.lotus.example/api/v1\">"), home);
        assertTrue(home.contains("connect-src &#39;self&#39; https://api.lotus.example;"), home);
        assertTrue(home.contains("href=\"mailto:hello@lotus.example\""), home);
        assertTrue(home.contains("href=\"/studio/poses/\""), home);
        assertTrue(Files.readString(out.resolve("sitemap.xml")).contains("https://lotus.example/studio/poses/tree/"));
    }

    @Test
    void flagsOverrideTheFile() throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Files.writeString(content.resolve("site.yaml"), """
                title: Lotus Studio
                base_url: https://lotus.example/
                api_url: https://api.lotus.example/api/v1
                """);
        Path out = tmp.resolve("public");

        TestSites.Run run = TestSites.build(content, out, "--title", "Preview", "--base-url", "http://localhost:9000/",
                "--api-url", "");

        assertEquals(ExitCodes.OK, run.code(), run.err());
        String home = Files.readString(out.resolve("index.html"));
        assertTrue(home.contains("<title>Preview · "), home);
        assertFalse(home.contains("yogaflow-api"), "--api-url '' makes a read-only site: " + home);
        assertTrue(Files.readString(out.resolve("sitemap.xml")).contains("http://localhost:9000/poses/tree/"));
    }

    @Test
    void withoutTheFileTheDefaultsApply() throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");

        assertEquals(ExitCodes.OK, TestSites.build(content, out).code());

        String home = Files.readString(out.resolve("index.html"));
        assertTrue(home.contains("<title>YogaFlow · Poses and sequences for every practice</title>"), home);
        assertFalse(home.contains("yogaflow-api"), home);
    }

    @Test
    void mistakesAreContentErrorsWithLineAndHint() throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Files.writeString(content.resolve("site.yaml"), """
                title: Lotus Studio
                tagine: Slow flows
                base_url: lotus.example
                api_url: ftp://api.lotus.example
                language: [en]
                """);
        Path out = tmp.resolve("public");

        TestSites.Run build = TestSites.build(content, out);
        TestSites.Run validate = TestSites.cli("validate", "--content", content.toString());

        assertEquals(ExitCodes.INVALID_CONTENT, build.code(), build.err());
        assertFalse(Files.exists(out), "nothing published");
        List<String> expected = List.of(
                "content/site.yaml:2:1: error: unknown field 'tagine' in site.yaml",
                "    hint: did you mean 'tagline'?",
                "content/site.yaml:3:11: error: 'base_url' must be an absolute URL such as 'https://yoga.example/', not 'lotus.example'",
                "    hint: write an absolute URL such as 'https://yoga.example/'",
                "content/site.yaml:4:10: error: 'api_url' must be an absolute URL such as 'https://api.yoga.example/api/v1', not 'ftp://api.lotus.example'",
                "    hint: write an absolute URL such as 'https://api.yoga.example/api/v1'",
                "content/site.yaml:5:11: error: 'language' must be text, not a list");
        assertEquals(expected, build.diagnostics());
        assertEquals(ExitCodes.INVALID_CONTENT, validate.code());
        assertEquals(expected, validate.diagnostics());
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Files.writeString(content.resolve("site.yaml"), "title: Lotus\ntagline: \"unclosed\n");

        TestSites.Run run = TestSites.cli("validate", "--content", content.toString());

        assertEquals(ExitCodes.INVALID_CONTENT, run.code());
        assertTrue(run.diagnostics().getFirst().startsWith("content/site.yaml:"), run.err());
        assertTrue(run.diagnostics().getFirst().contains("error: invalid YAML"), run.err());
    }

    @Test
    void changingTheFileRendersTheSiteAgain() throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Path out = tmp.resolve("public");
        assertEquals(ExitCodes.OK, TestSites.build(content, out).code());
        assertTrue(TestSites.build(content, out).out().contains("is up to date"));

        Files.writeString(content.resolve("site.yaml"), "title: Lotus Studio\n");
        TestSites.Run run = TestSites.build(content, out);

        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(Files.readString(out.resolve("poses/tree/index.html")).contains("Tree Pose · Lotus Studio"));
        assertTrue(Files.readString(out.resolve("index.html")).contains("<a class=\"brand\" href=\"/\">Lotus Studio</a>"));
    }
}
