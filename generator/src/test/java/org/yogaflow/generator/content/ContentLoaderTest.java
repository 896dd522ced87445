package org.yogaflow.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Position;

class ContentLoaderTest {

    @Test
    void slugsAreLowercaseWordsJoinedBySingleHyphens() {
        for (String slug : List.of("tree", "warrior-2", "a", "9", "half-moon-pose")) {
            assertTrue(ContentLoader.isSlug(slug), slug);
        }
        for (String notSlug : List.of("", "-", "-tree", "tree-", "half--moon", "Tree", "tree pose", "tree_pose", "vṛkṣa", "tree.md")) {
            assertFalse(ContentLoader.isSlug(notSlug), notSlug);
        }
    }

    @Test
    void readsEveryFieldOfPosesAndSequences(@TempDir Path tmp) {
        Diagnostics diagnostics = new Diagnostics();
        Library library = ContentLoader.load(TestSites.copySite("valid", tmp), diagnostics);

        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of("crow", "downward-dog", "mountain", "tree"), List.copyOf(library.poses().keySet()));
        Pose tree = library.poses().get("tree");
        assertEquals("Tree Pose", tree.name());
        assertEquals("Vṛkṣāsana", tree.sanskrit());
        assertEquals(Difficulty.BEGINNER, tree.difficulty());
        assertEquals(Category.BALANCE, tree.category());
        assertEquals(List.of("ankles", "hips"), tree.bodyAreas());
        assertEquals(new HoldRange(20, 60), tree.duration());
        assertEquals(List.of("Low blood pressure", "Recent ankle injury"), tree.contraindications());
        assertNull(tree.photo());
        assertFalse(tree.draft());
        assertTrue(tree.instructions().startsWith("## Steps"));
        assertEquals(new Position("content/poses/tree.md", 12, 11), tree.origin().at("related[0]"));
        assertTrue(library.poses().get("crow").draft());
        assertEquals(HoldRange.DEFAULT, library.poses().get("crow").duration());

        Sequence flow = library.sequences().get("short-flow");
        assertEquals(3, flow.minutes());
        assertEquals(3, flow.steps().size());
        assertEquals(new Step("tree", 30, Side.BOTH, 1, null, "Gaze at a fixed point."), flow.steps().get(1));
        assertEquals(Side.NONE, flow.steps().get(0).side());
        assertEquals(2, flow.steps().get(2).repeat());
        assertEquals(Position.file("content/poses/tree.md").path(), tree.origin().path());
    }

    @Test
    void filesOfAnotherKindAreIgnoredWithAWarningAndExtensionsMatchInAnyCase(@TempDir Path tmp) throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Files.writeString(content.resolve("poses/notes.txt"), "not a pose");
        Files.move(content.resolve("poses/mountain.md"), content.resolve("poses/mountain.MD"));
        Diagnostics diagnostics = new Diagnostics();
        Library library = ContentLoader.load(content, diagnostics);
        assertTrue(library.poses().containsKey("mountain"), "a .MD file is a pose too");
        assertEquals(List.of("content/poses/notes.txt: warning: ignored: not a .md file"),
                diagnostics.sorted().stream().map(d -> d.position().path() + ": " + d.severity().name().toLowerCase()
                        + ": " + d.message()).toList());
    }

    @Test
    void aMemoReusesUnchangedFilesAndRereadsChangedOrRecentlyModifiedOnes(@TempDir Path tmp) throws IOException {
        Path content = TestSites.copySite("valid", tmp);
        Path tree = content.resolve("poses/tree.md");
        FileTime old = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(file, old);
        }
        // A warning in a pose file is reported by every load, read or remembered.
        Files.writeString(content.resolve("poses/notes.txt"), "not a pose");
        Files.writeString(content.resolve("poses/mountain.md"),
                Files.readString(content.resolve("poses/mountain.md")).replace("name: Mountain Pose", "name: Mountain Pose\nnickname: x"));
        Files.setLastModifiedTime(content.resolve("poses/mountain.md"), old);
        ContentLoader.Memo memo = new ContentLoader.Memo();
        Diagnostics first = new Diagnostics();
        Library read = ContentLoader.load(content, first, memo, null);
        assertEquals(0, memo.reused());

        Diagnostics second = new Diagnostics();
        Library remembered = ContentLoader.load(content, second, memo, null);
        assertEquals(5, memo.reused()); // 4 poses and 1 sequence
        assertEquals(first.sorted(), second.sorted());
        assertTrue(second.sorted().stream().anyMatch(d -> d.message().contains("nickname")), second.sorted().toString());
        assertEquals(read.poses(), remembered.poses());
        assertEquals(read.sequences(), remembered.sequences());

        // An edit is read again, even one that keeps the size and the modification time...
        Files.writeString(tree, Files.readString(tree).replace("name: Tree Pose", "name: Tree Posf"));
        Files.setLastModifiedTime(tree, FileTime.from(Instant.now().minus(30, ChronoUnit.MINUTES)));
        Library edited = ContentLoader.load(content, new Diagnostics(), memo, null);
        assertEquals("Tree Posf", edited.poses().get("tree").name());
        // ...when the file was modified just before it was read: such a file is never trusted.
        Files.writeString(tree, Files.readString(tree).replace("Tree Posf", "Tree Posg"));
        ContentLoader.load(content, new Diagnostics(), memo, null);
        FileTime justRead = Files.getLastModifiedTime(tree);
        Files.writeString(tree, Files.readString(tree).replace("Tree Posg", "Tree Posh"));
        Files.setLastModifiedTime(tree, justRead);
        assertEquals("Tree Posh", ContentLoader.load(content, new Diagnostics(), memo, null).poses().get("tree").name());
    }

    @Test
    void computedLengthCountsSidesRepeatsAndTransitionsBetweenHolds(@TempDir Path tmp) {
        Library library = ContentLoader.load(TestSites.copySite("valid", tmp), new Diagnostics());
        Sequence flow = library.sequences().get("short-flow");

        // 30 + 30×2 + 35×2 = 160 s of holds; 5 holds → 4 transitions of 5 s.
        assertEquals(180, flow.computedSeconds());
    }

    @Test
    void slugifiesNamesWithDiacriticsAndPunctuation() {
        assertEquals("warrior-ii-virabhadrasana", ContentLoader.slugify("Warrior II (Vīrabhadrāsana)"));
        assertEquals("childs-pose", ContentLoader.slugify("Child's Pose"));
        assertEquals("untitled", ContentLoader.slugify("!!!"));
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAndAReplacementCharacterIsNot(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Path tree = content.resolve("poses/tree.md");
        String text = java.nio.file.Files.readString(tree);
        // A literal U+FFFD is valid UTF-8 text: it loads.
        java.nio.file.Files.writeString(tree, text.replace("## Steps", "## Steps \uFFFD"));
        Diagnostics ok = new Diagnostics();
        assertTrue(ContentLoader.load(content, ok).poses().get("tree").instructions().contains("\uFFFD"));
        assertEquals(List.of(), ok.sorted());
        // A lone continuation byte is not.
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        broken[bytes.length] = (byte) 0x80;
        java.nio.file.Files.write(tree, broken);
        Diagnostics bad = new Diagnostics();
        ContentLoader.load(content, bad);
        assertEquals(List.of("content/poses/tree.md: error: file is not valid UTF-8 text"),
                bad.sorted().stream().map(d -> d.format().lines().findFirst().orElse("")).toList());
    }
}
