package org.yogaflow.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;

/** The command line as users meet it: help, usage errors, exit codes, scaffolding. */
class CliTest {

    @TempDir
    Path tmp;

    @Test
    void helpListsCommandsAndExitCodes() {
        TestSites.Run run = TestSites.cli("--help");

        assertEquals(ExitCodes.OK, run.code());
        for (String expected : new String[] {"build", "validate", "serve", "dev", "search", "new", "help", "Exit codes:",
                "invalid content"}) {
            assertTrue(run.out().contains(expected), expected + " in " + run.out());
        }
        // Only the command run is made; help on one and options before it still work.
        TestSites.Run help = TestSites.cli("help", "build");
        assertEquals(ExitCodes.OK, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: yogaflow build"), help.out());
        TestSites.Run verbose = TestSites.cli("-v", "new", "--help");
        assertEquals(ExitCodes.OK, verbose.code(), verbose.err());
        assertTrue(verbose.out().startsWith("Usage: yogaflow new"), verbose.out());
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        TestSites.Run run = TestSites.cli("biuld");

        assertEquals(ExitCodes.FAILURE, run.code());
        assertTrue(run.err().contains("Unmatched argument"), run.err());
        assertTrue(run.err().contains("build"), "suggests 'build': " + run.err());
    }

    @Test
    void relativeBaseUrlIsAUsageErrorWithoutStackTraceHint() {
        Path content = TestSites.copySite("valid", tmp);

        TestSites.Run run = TestSites.build(content, tmp.resolve("public"), "--base-url", "example.org");

        assertEquals(ExitCodes.FAILURE, run.code());
        assertTrue(run.err().startsWith("error: invalid --base-url: base URL must be absolute"), run.err());
        assertTrue(run.err().contains("Run 'yogaflow build --help' for usage."), run.err());
        assertFalse(run.err().contains("--verbose"), run.err());
    }

    @Test
    void validateSucceedsOnValidContentAndSaysSo() {
        Path content = TestSites.copySite("valid", tmp);

        TestSites.Run run = TestSites.cli("validate", "--content", content.toString());

        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals("ok: 3 poses, 1 sequence: 0 errors, 0 warnings", run.out().strip());
    }

    @Test
    void missingContentFolderIsAContentErrorNamingTheFolder() {
        TestSites.Run run = TestSites.cli("validate", "--content", tmp.resolve("nope").toString());

        assertEquals(ExitCodes.INVALID_CONTENT, run.code());
        assertTrue(run.err().contains("nope: error: content folder not found"), run.err());
    }

    @Test
    void newPoseAndSequenceAreValidAsScaffolded() throws Exception {
        Path content = TestSites.copySite("valid", tmp);

        TestSites.Run pose = TestSites.cli("new", "pose", "Half Moon Pose", "--content", content.toString());
        TestSites.Run sequence = TestSites.cli("new", "sequence", "Sunday: Slow Flow", "--content", content.toString());

        assertEquals(ExitCodes.OK, pose.code(), pose.err());
        assertEquals(ExitCodes.OK, sequence.code(), sequence.err());
        Path poseFile = content.resolve("poses/half-moon-pose.md");
        Path sequenceFile = content.resolve("sequences/sunday-slow-flow.yaml");
        assertTrue(Files.readString(poseFile).contains("name: Half Moon Pose"));
        assertTrue(Files.readString(sequenceFile).contains("title: \"Sunday: Slow Flow\""));
        assertTrue(Files.readString(sequenceFile).contains("# Required."), "explains fields in comments");
        TestSites.Run validate = TestSites.cli("validate", "--strict", "--content", content.toString());
        assertEquals(ExitCodes.OK, validate.code(), validate.err());
    }

    @Test
    void newRefusesToOverwriteWithoutForce() throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Path tree = content.resolve("poses/tree.md");
        String before = Files.readString(tree);

        TestSites.Run run = TestSites.cli("new", "pose", "Tree", "--content", content.toString());

        assertEquals(ExitCodes.FAILURE, run.code());
        assertTrue(run.err().contains("already exists (use --force to overwrite)"), run.err());
        assertEquals(before, Files.readString(tree));
    }
}
