package org.yogaflow.generator.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;

/**
 * One folder per failure case under {@code sites/invalid/<case>/}: its files are laid over the
 * valid fixture site, and {@code expected.txt} holds exactly the diagnostics (with positions and
 * hints) that {@code yogaflow validate} must print. Run with {@code -Dgolden.update=true} to
 * rewrite the expectations, then review the diff.
 */
class InvalidSitesTest {

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(TestSites.resource("sites/invalid"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEveryProblemWithPositionAndHint(String name, @TempDir Path tmp) throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Path overlay = TestSites.resource("sites/invalid/" + name);
        TestSites.copyTree(overlay, content);
        Files.delete(content.resolve("expected.txt"));

        TestSites.Run run = TestSites.cli("validate", "--content", content.toString());

        Path expectedFile = Path.of("src/test/resources/sites/invalid", name, "expected.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, String.join("\n", run.diagnostics()) + "\n", StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
        assertEquals(expected, run.diagnostics(), run.err());
        boolean anyError = expected.stream().anyMatch(l -> l.contains(": error: "));
        assertEquals(anyError ? ExitCodes.INVALID_CONTENT : ExitCodes.OK, run.code(), run.err());
    }
}
