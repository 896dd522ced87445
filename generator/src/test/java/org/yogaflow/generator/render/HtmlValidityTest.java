package org.yogaflow.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;

/** Every generated page passes the Nu HTML Checker with zero errors. */
class HtmlValidityTest {

    @Test
    void everyPageOfTheFixtureSiteIsValidHtml(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        assertValid(content, tmp.resolve("public"), 9);
    }

    @Test
    void everyPageOfTheRealLibraryIsValidHtml(@TempDir Path tmp) throws Exception {
        assertValid(Path.of("..", "content"), tmp.resolve("public"), 110);
    }

    private static void assertValid(Path content, Path out, int minimumPages) throws Exception {
        assertEquals(ExitCodes.OK, TestSites.build(content, out, "--drafts").code());

        List<String> pages = TestSites.files(out).stream().filter(f -> f.endsWith(".html")).toList();
        assertTrue(pages.size() >= minimumPages, pages.toString());
        HtmlChecker checker = new HtmlChecker();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (String page : pages) {
            List<String> errors = checker.errors(out.resolve(page));
            if (!errors.isEmpty()) problems.put(page, errors);
        }
        assertEquals(Map.of(), problems);
    }

    @Test
    void theCheckerReportsInvalidHtml(@TempDir Path tmp) throws Exception {
        Path page = tmp.resolve("bad.html");
        Files.writeString(page, "<!DOCTYPE html><html lang=en><head><title>x</title></head>"
                + "<body><img src=a.png><p><div></div></body></html>");

        Path good = tmp.resolve("good.html");
        Files.writeString(good, "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p>ok</p></body></html>");
        HtmlChecker checker = new HtmlChecker();

        assertEquals(List.of(), checker.errors(good));
        List<String> errors = checker.errors(page);
        assertTrue(errors.stream().anyMatch(e -> e.contains("alt")), errors.toString());
        assertEquals(List.of(), checker.errors(good), "a reused checker starts clean");
    }
}
