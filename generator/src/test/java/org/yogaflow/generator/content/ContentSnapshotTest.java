package org.yogaflow.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.diag.Diagnostics;

/** The content snapshot gives a new process exactly the library the last one loaded, or nothing. */
class ContentSnapshotTest {

    private static final String KEY = "generator 1";

    @TempDir
    Path tmp;

    private Path content;
    private Path file;

    /** A copy of the valid site, its files last modified an hour ago (old enough to be trusted). */
    private void setUp() throws IOException {
        content = TestSites.copySite("valid", tmp);
        file = tmp.resolve("cache/content-snapshot.bin");
        FileTime old = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        try (Stream<Path> files = Files.walk(content)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(f, old);
        }
    }

    /** Every content file's stamp, in path order, as a build takes them. */
    private SortedMap<String, String> stamps() throws IOException {
        SortedMap<String, String> stamps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                stamps.put(content.relativize(f).toString().replace('\\', '/'),
                        a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            }
        }
        return stamps;
    }

    /** A load that starts from the snapshot, as a new process's build does. */
    private Library load(ContentLoader.Memo memo) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Library library = ContentLoader.load(content, diagnostics, memo, stamps());
        assertEquals(List.of(), diagnostics.sorted());
        return library;
    }

    private static void assertSameLibrary(Library expected, Library actual) {
        assertEquals(expected.taxonomy(), actual.taxonomy());
        assertEquals(expected.poses(), actual.poses()); // origins included: file, text hash, every position
        assertEquals(expected.sequences(), actual.sequences());
        assertEquals(expected.photos(), actual.photos());
        assertEquals(expected.contentDir(), actual.contentDir());
    }

    @Test
    void aNewProcessStartsFromTheLastLoadAndReadsOnlyEditedFiles() throws IOException {
        setUp();
        Library first = load(ContentSnapshot.read(file, KEY, content)); // no snapshot yet: everything is read
        ContentLoader.Memo memo = ContentSnapshot.read(file, KEY, content);
        assertNull(memo.last);
        Library loaded = load(memo);
        assertSameLibrary(first, loaded);
        ContentSnapshot.write(file, KEY, memo);

        ContentLoader.Memo restored = ContentSnapshot.read(file, KEY, content);
        assertNotNull(restored.last);
        assertSameLibrary(loaded, restored.last.library());
        Pose tree = restored.last.library().poses().get("tree");
        assertEquals(loaded.poses().get("tree").origin().at("related[0]"), tree.origin().at("related[0]"));
        assertTrue(tree.origin().at("related[0]").line() > 1);

        // An edit: only that file is read, and the snapshot grows by a frame of it.
        Path treeFile = content.resolve("poses/tree.md");
        Files.writeString(treeFile, Files.readString(treeFile).replace("1. ", "1. Slowly, "));
        Files.setLastModifiedTime(treeFile, FileTime.from(Instant.now().minus(30, ChronoUnit.MINUTES)));
        Library edited = load(restored);
        assertEquals(1, restored.edits());
        assertEquals(loaded.poses().size() + loaded.sequences().size() - 1, restored.reused());
        assertTrue(edited.poses().get("tree").instructions().contains("Slowly, "));
        byte[] before = Files.readAllBytes(file);
        ContentSnapshot.write(file, KEY, restored);
        byte[] after = Files.readAllBytes(file);
        assertEquals(2, restored.saved.frames());
        assertTrue(Arrays.equals(before, Arrays.copyOf(after, before.length)), "appended, not written anew");

        ContentLoader.Memo again = ContentSnapshot.read(file, KEY, content);
        assertSameLibrary(edited, again.last.library());
        assertSameLibrary(ContentLoader.load(content, new Diagnostics()), load(again));
        assertEquals(1, again.edits(), "nothing changed since: nothing read");
        assertEquals(0, again.reused() - (edited.poses().size() + edited.sequences().size()));
    }

    @Test
    void anotherGeneratorAnotherFolderOrADamagedSnapshotMeansAFullLoad() throws IOException {
        setUp();
        ContentLoader.Memo memo = new ContentLoader.Memo();
        load(memo);
        ContentSnapshot.write(file, KEY, memo);
        byte[] good = Files.readAllBytes(file);
        assertNotNull(ContentSnapshot.read(file, KEY, content).last);

        assertNull(ContentSnapshot.read(file, "generator 2", content).last);
        assertNull(ContentSnapshot.read(file, KEY, tmp).last);
        for (int at : new int[] {0, 5, good.length / 2, good.length - 1}) {
            byte[] damaged = good.clone();
            damaged[at] ^= 0x20;
            Files.write(file, damaged);
            assertNull(ContentSnapshot.read(file, KEY, content).last, "a byte changed at " + at);
        }
        Files.write(file, Arrays.copyOf(good, good.length - 3));
        assertNull(ContentSnapshot.read(file, KEY, content).last, "cut short");
        // A frame cut short by a process that stopped while appending it.
        Files.write(file, good);
        ContentLoader.Memo restored = ContentSnapshot.read(file, KEY, content);
        Path treeFile = content.resolve("poses/tree.md");
        Files.writeString(treeFile, Files.readString(treeFile).replace("1. ", "1. Gently, "));
        Files.setLastModifiedTime(treeFile, FileTime.from(Instant.now().minus(30, ChronoUnit.MINUTES)));
        load(restored);
        ContentSnapshot.write(file, KEY, restored);
        byte[] appended = Files.readAllBytes(file);
        assertTrue(appended.length > good.length);
        Files.write(file, Arrays.copyOf(appended, appended.length - 1));
        assertNull(ContentSnapshot.read(file, KEY, content).last);
        Files.write(file, "not a snapshot".getBytes());
        assertNull(ContentSnapshot.read(file, KEY, content).last);
    }

    @Test
    void aFileReadJustAfterItChangedIsReadAgainByTheNextProcess() throws IOException {
        setUp();
        Path treeFile = content.resolve("poses/tree.md");
        Files.writeString(treeFile, Files.readString(treeFile).replace("name: Tree Pose", "name: Tree Posf"));
        ContentLoader.Memo memo = new ContentLoader.Memo();
        load(memo);
        ContentSnapshot.write(file, KEY, memo);
        // Changed again within the same size and time: only a new reading can tell.
        FileTime justRead = Files.getLastModifiedTime(treeFile);
        Files.writeString(treeFile, Files.readString(treeFile).replace("Tree Posf", "Tree Posg"));
        Files.setLastModifiedTime(treeFile, justRead);

        ContentLoader.Memo restored = ContentSnapshot.read(file, KEY, content);
        assertEquals("Tree Posg", load(restored).poses().get("tree").name());
        assertEquals(1, restored.edits());
    }

    @Test
    void positionsAreReadWhenFirstAskedFor() throws IOException {
        setUp();
        ContentLoader.Memo memo = new ContentLoader.Memo();
        Library loaded = load(memo);
        ContentSnapshot.write(file, KEY, memo);
        Origin origin = ContentSnapshot.read(file, KEY, content).last.library().sequences().get("short-flow").origin();
        assertTrue(origin.positions() instanceof ContentSnapshot.Positions);
        Origin expected = loaded.sequences().get("short-flow").origin();
        assertEquals(expected.positions(), origin.positions());
        assertEquals(origin.positions(), expected.positions());
        assertEquals(expected.at("steps[1].hold"), origin.at("steps[1].hold"));
        assertEquals(expected.path(), origin.path());
    }
}
