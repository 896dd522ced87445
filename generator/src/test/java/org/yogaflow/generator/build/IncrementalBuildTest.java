package org.yogaflow.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;
import org.yogaflow.generator.images.PhotoSettings;
import org.yogaflow.generator.publish.Publisher;
import org.yogaflow.generator.render.views.SiteInfo;
import org.yogaflow.generator.search.LuceneSearcher;
import org.yogaflow.generator.search.SearchIndexer;

/**
 * Incremental builds must publish exactly what a full build from scratch publishes, while
 * rendering only what changed, and a build where nothing changed must touch nothing.
 */
class IncrementalBuildTest {

    @TempDir
    Path tmp;

    private Path content;
    private Path out;
    private Path theme;

    private void setUp() {
        content = TestSites.copySite("valid", tmp);
        out = tmp.resolve("public");
        theme = tmp.resolve("theme");
        TestSites.copyTree(TestSites.THEME, theme); // a private copy: edits to the real theme must not matter
    }

    private TestSites.Run build() {
        return TestSites.cli("build", "--content", content.toString(), "--out", out.toString(), "--theme",
                theme.toString(), "--cache", tmp.resolve("cache").toString(), "-v");
    }

    /** A full build of the same content into a fresh folder, with an empty cache. */
    private Map<String, String> fromScratch() throws IOException {
        Path scratch = Files.createTempDirectory(tmp, "scratch");
        TestSites.Run run = TestSites.cli("build", "--content", content.toString(), "--out",
                scratch.resolve("public").toString(), "--theme", theme.toString(), "--cache",
                scratch.resolve("cache").toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        return snapshot(scratch.resolve("public"));
    }

    /** Every published file, and what the Lucene index beside the site answers to a few queries. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : TestSites.files(root)) {
            files.put(file, Files.readString(root.resolve(file), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        try (LuceneSearcher searcher = LuceneSearcher.open(SearchIndexer.luceneDir(root))) {
            for (String query : List.of("tree", "tree balance", "mountain", "slowly", "gaze softly", "back of the legs", "chair", "flow")) {
                files.put("(lucene) " + query, searcher.search(query, 20).toString());
            }
        }
        return files;
    }

    /** How many segments the site's Lucene index has: an index updated in place has more than one. */
    private static int segments(Path site) throws IOException {
        try (var dir = new org.apache.lucene.store.NIOFSDirectory(SearchIndexer.luceneDir(site))) {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).size();
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private void edit(String file, UnaryOperator<String> change) throws IOException {
        Path path = content.resolve(file);
        Files.writeString(path, change.apply(Files.readString(path)));
    }

    private static String rendered(TestSites.Run run) {
        assertEquals(ExitCodes.OK, run.code(), run.err());
        return run.out().lines().filter(l -> l.contains("render ")).findFirst().orElse("");
    }

    @Test
    void aBuildWhereNothingChangedTouchesNothing() throws IOException {
        setUp();
        assertEquals(ExitCodes.OK, build().code());
        Map<String, Object> before = inodesAndTimes(out);
        TestSites.Run again = build();
        assertEquals(ExitCodes.OK, again.code(), again.err());
        assertTrue(again.out().contains("is up to date"), again.out());
        assertEquals(before, inodesAndTimes(out));
    }

    @Test
    void everyKindOfEditGivesExactlyWhatAFullBuildGives() throws IOException {
        setUp();
        // Files older than the build: the next one starts from what this one read, reads only the
        // edited files, and signs only the pages they may change (SiteRenderer.Unchanged).
        age(content);
        assertEquals(ExitCodes.OK, build().code());

        assertEquals(1, segments(out));
        Object catalog = fileKey(out.resolve("api/catalog.json"));
        Object library = fileKey(out.resolve("poses/index.html"));
        List<String> manifest = TestSites.files(out.resolve("search"));
        byte[] terms = Files.readAllBytes(out.resolve("search").resolve(manifest.get(0)));
        edit("poses/tree.md", s -> s.replace("1. ", "1. Unhurriedly, "));
        // Only the pose's page: the catalog, the library page and its sequence's page show none of
        // its instructions. The search index's manifest changed, under the same name.
        assertTrue(rendered(build()).contains("(1 rendered, 15 unchanged)"));
        assertEquals(catalog, fileKey(out.resolve("api/catalog.json")), "the catalog was kept");
        assertEquals(library, fileKey(out.resolve("poses/index.html")), "the library page was kept");
        assertEquals(manifest, TestSites.files(out.resolve("search")));
        assertFalse(Arrays.equals(terms, Files.readAllBytes(out.resolve("search").resolve(manifest.get(0)))),
                "a new word of the instructions is in the manifest's list of shards");
        assertEquals(2, segments(out), "the search index was updated, not made again");
        assertEquals(fromScratch(), snapshot(out));

        trustEditedFiles();
        edit("poses/mountain.md", s -> s.replace("name: Mountain Pose", "name: Mountain"));
        TestSites.Run renamed = build();
        assertFalse(rendered(renamed).contains("(0 rendered"), renamed.out());
        assertFalse(catalog.equals(fileKey(out.resolve("api/catalog.json"))), "a name is in the catalog");
        assertEquals(fromScratch(), snapshot(out));

        edit("sequences/short-flow.yaml", s -> s.replace("Gaze at a fixed point.", "Gaze softly ahead."));
        assertEquals(ExitCodes.OK, build().code());
        assertEquals(fromScratch(), snapshot(out));

        // A pose leaves the sequence: its page no longer lists the sequence.
        trustEditedFiles();
        edit("sequences/short-flow.yaml", s -> s.replace("pose: tree", "pose: mountain"));
        assertEquals(ExitCodes.OK, build().code());
        assertEquals(fromScratch(), snapshot(out));
        // And comes back: its page lists it again.
        trustEditedFiles();
        edit("sequences/short-flow.yaml", s -> s.replace("pose: mountain\n    hold: 30\n    side: both",
                "pose: tree\n    hold: 30\n    side: both"));
        assertEquals(ExitCodes.OK, build().code());
        assertTrue(Files.readString(out.resolve("poses/tree/index.html")).contains("Short Flow"));
        assertEquals(fromScratch(), snapshot(out));

        edit("taxonomy.yaml", s -> s.replace("Hamstrings", "Back of the legs"));
        assertEquals(ExitCodes.OK, build().code());
        assertEquals(fromScratch(), snapshot(out));

        // A new pose, then a deleted one: its page and its folder go away.
        Files.writeString(content.resolve("poses/chair.md"), Files.readString(content.resolve("poses/tree.md"))
                .replace("name: Tree Pose", "name: Chair Pose").replace("related: [mountain]", "related: []"));
        assertEquals(ExitCodes.OK, build().code());
        assertTrue(Files.exists(out.resolve("poses/chair/index.html")));
        assertEquals(1, TestSites.files(out.resolve("search")).size());
        assertFalse(manifest.equals(TestSites.files(out.resolve("search"))), "other poses, another manifest");
        assertEquals(fromScratch(), snapshot(out));
        Files.delete(content.resolve("poses/chair.md"));
        assertEquals(ExitCodes.OK, build().code());
        assertFalse(Files.exists(out.resolve("poses/chair")));
        assertEquals(fromScratch(), snapshot(out));

        // The photo changes: new renditions, the old ones leave the site.
        Files.write(content.resolve("photos/mountain.png"), Files.readAllBytes(TestSites.resource("sites/valid/photos/mountain.png")));
        edit("poses/mountain.md", s -> s.replace("photo_alt: A figure", "photo_alt: One figure"));
        assertEquals(ExitCodes.OK, build().code());
        assertEquals(fromScratch(), snapshot(out));
    }

    @Test
    void aWarmProcessGivesExactlyWhatAFullBuildGives() throws IOException {
        warmProcess(false);
    }

    @Test
    void aWarmProcessToldWhatChangedGivesExactlyWhatAFullBuildGives() throws IOException {
        warmProcess(true);
    }

    /**
     * As yogaflow dev builds: one process, its memory kept from build to build, told what changed
     * by its file watcher ({@code watched}) or finding out by itself.
     */
    private void warmProcess(boolean watched) throws IOException {
        setUp();
        age(content); // files changed long before a build are remembered, not read again
        Pipeline.Memory memory = new Pipeline.Memory();
        BuildOptions options = warmOptions();
        java.util.function.Function<List<String>, BuildReport> build = changed -> {
            if (watched) memory.changed(changed.stream().map(content::resolve).toList());
            return new Pipeline(options, Progress.NONE, memory).build();
        };
        assertTrue(build.apply(List.of()).published());
        assertFalse(memory.lastTrusted, "the first build checks the published site");

        edit("poses/tree.md", s -> s.replace("1. ", "1. Slowly, "));
        assertTrue(build.apply(List.of("poses/tree.md")).published());
        assertTrue(memory.lastTrusted, "then it trusts the site it published itself");
        assertTrue(memory.search().lastWasIncremental(), "only the edited document's terms were read again");
        assertEquals(1, memory.content().edits(), "the content was the last build's with the edited pose read again");
        assertEquals(fromScratch(), snapshot(out));

        // A mistake in a pose: reported as by any build, and the site stays; then fixed.
        edit("poses/tree.md", s -> s.replace("name: Tree Pose", "name: [Tree Pose"));
        BuildReport broken = build.apply(List.of("poses/tree.md"));
        assertFalse(broken.published());
        assertTrue(broken.diagnostics().sorted().stream().anyMatch(d -> d.position().path().equals("content/poses/tree.md")),
                broken.diagnostics().sorted().toString());
        assertEquals(1, memory.content().edits(), "a file with a problem: every file is looked at");
        edit("poses/tree.md", s -> s.replace("name: [Tree Pose", "name: Tree Pose"));
        assertTrue(build.apply(List.of("poses/tree.md")).published());
        assertEquals(fromScratch(), snapshot(out));

        edit("poses/mountain.md", s -> s.replace("name: Mountain Pose", "name: Mountain"));
        assertTrue(build.apply(List.of("poses/mountain.md")).published());
        assertTrue(memory.search().lastWasIncremental());
        assertEquals(fromScratch(), snapshot(out));

        int edits = memory.content().edits();
        edit("sequences/short-flow.yaml", s -> s.replace("Gaze at a fixed point.", "Gaze softly ahead."));
        assertTrue(build.apply(List.of("sequences/short-flow.yaml")).published());
        assertEquals(edits + 1, memory.content().edits());
        assertEquals(fromScratch(), snapshot(out));

        edit("taxonomy.yaml", s -> s.replace("Hamstrings", "Back of the legs"));
        assertTrue(build.apply(List.of("taxonomy.yaml")).published());
        assertEquals(edits + 1, memory.content().edits(), "the taxonomy changed: everything is read");
        assertEquals(fromScratch(), snapshot(out));

        // A new pose moves document ids: everything is read; then its deletion.
        Files.writeString(content.resolve("poses/chair.md"), Files.readString(content.resolve("poses/tree.md"))
                .replace("name: Tree Pose", "name: Chair Pose").replace("related: [mountain]", "related: []"));
        assertTrue(build.apply(List.of("poses/chair.md")).published());
        assertFalse(memory.search().lastWasIncremental());
        assertEquals(fromScratch(), snapshot(out));
        Files.delete(content.resolve("poses/chair.md"));
        assertTrue(build.apply(List.of("poses/chair.md")).published());
        assertEquals(fromScratch(), snapshot(out));

        // A failed build in between: its terms were never published, so the next build must not
        // take them for the published index's.
        edit("poses/tree.md", s -> s.replace("1. Slowly, ", "1. Calmly, "));
        Files.delete(content.resolve("photos/mountain.png"));
        assertFalse(build.apply(List.of("poses/tree.md", "photos/mountain.png")).published());
        Files.write(content.resolve("photos/mountain.png"), Files.readAllBytes(TestSites.resource("sites/valid/photos/mountain.png")));
        edit("poses/tree.md", s -> s.replace("1. Calmly, ", "1. Gently, "));
        assertTrue(build.apply(List.of("poses/tree.md", "photos/mountain.png")).published());
        assertEquals(fromScratch(), snapshot(out));

        // Another process builds into the same output: the warm process notices and checks again.
        edit("poses/tree.md", s -> s.replace("1. Gently, ", "1. Softly, "));
        assertEquals(ExitCodes.OK, build().code());
        edit("poses/mountain.md", s -> s.replace("name: Mountain", "name: Mountain Pose"));
        assertTrue(build.apply(List.of("poses/mountain.md")).published());
        assertFalse(memory.lastTrusted, "the manifest and the output are not the ones it left");
        assertEquals(fromScratch(), snapshot(out));

        // So does it when a file is put at the top of the site by hand.
        edit("poses/tree.md", s -> s.replace("1. Softly, ", "1. "));
        assertTrue(build.apply(List.of("poses/tree.md")).published());
        assertTrue(memory.lastTrusted);
        Files.writeString(out.resolve("extra.html"), "added by hand");
        edit("poses/tree.md", s -> s.replace("1. ", "1. Slowly, "));
        assertTrue(build.apply(List.of("poses/tree.md")).published());
        assertFalse(memory.lastTrusted);
        edit("poses/tree.md", s -> s.replace("1. Slowly, ", "1. "));
        assertTrue(build.apply(List.of("poses/tree.md")).published());
        assertFalse(Files.exists(out.resolve("extra.html")));
        assertEquals(fromScratch(), snapshot(out));

        // A page it published deleted by hand, deep inside the site: it is made again.
        edit("poses/mountain.md", s -> s.replace("name: Mountain Pose", "name: Mountain"));
        assertTrue(build.apply(List.of("poses/mountain.md")).published());
        assertTrue(memory.lastTrusted);
        Files.delete(out.resolve("poses/mountain/index.html"));
        edit("poses/tree.md", s -> s.replace("1. ", "1. Slowly, "));
        assertTrue(build.apply(List.of("poses/tree.md")).published());
        assertTrue(Files.exists(out.resolve("poses/mountain/index.html")));
        assertEquals(fromScratch(), snapshot(out));
    }

    /**
     * A file changed just before a build read it may change again within its file system's
     * timestamp granularity without its stamp showing it: it is read again by the next build.
     */
    @Test
    void aWarmProcessReadsAgainFilesChangedJustBeforeItReadThem() throws IOException {
        setUp();
        age(content);
        Pipeline.Memory memory = new Pipeline.Memory();
        Supplier<BuildReport> build = () -> new Pipeline(warmOptions(), Progress.NONE, memory).build();
        for (String file : List.of("poses/mountain.md", "taxonomy.yaml")) {
            Files.setLastModifiedTime(content.resolve(file), FileTime.from(Instant.now())); // changed just now
            edit("poses/tree.md", s -> s.replace("1. ", "1. Slowly, "));
            memory.changed(List.of(content.resolve(file), content.resolve("poses/tree.md")));
            assertTrue(build.get().published());
            // Changed again right after the build read it: same size, same time.
            FileTime time = Files.getLastModifiedTime(content.resolve(file));
            edit(file, s -> s.replace("Hamstrings", "Hamstringz").replace("name: Mountain Pose", "name: Mountain Posf"));
            Files.setLastModifiedTime(content.resolve(file), time);
            edit("poses/tree.md", s -> s.replace("1. Slowly, ", "1. "));
            memory.changed(List.of(content.resolve("poses/tree.md")));
            assertTrue(build.get().published());
            assertEquals(fromScratch(), snapshot(out), file);
        }
        assertTrue(Files.readString(out.resolve("poses/mountain/index.html")).contains("Mountain Posf"));
        assertTrue(Files.readString(out.resolve("poses/downward-dog/index.html")).contains("Hamstringz"));
    }

    private BuildOptions warmOptions() {
        return new BuildOptions(content, out, theme, BuildOptions.DEFAULT_BASE_URL, false, false,
                tmp.resolve("cache"), PhotoSettings.DEFAULT, SiteInfo.DEFAULT);
    }

    /** Sets every file's modification time an hour back. */
    /**
     * Files edited just before a build read them are read again by every build until one reads
     * them long after: aged, and built, they count as unchanged again, so that the next build
     * reads (and replaces) only the files edited after it.
     */
    private void trustEditedFiles() throws IOException {
        age(content);
        assertEquals(ExitCodes.OK, build().code());
        assertEquals(fromScratch(), snapshot(out));
    }

    private static void age(Path folder) throws IOException {
        FileTime old = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(file, old);
        }
    }

    @Test
    void stampsUpdatedFromAWatchersReportEqualAFreshWalk() throws IOException {
        setUp();
        Map<String, String> before = BuildKey.stamps(content);
        edit("poses/tree.md", s -> s + "\nMore.\n");
        Files.writeString(content.resolve("poses/chair.md"), "new");
        Files.delete(content.resolve("poses/mountain.md"));
        Files.createDirectories(content.resolve("photos/new/deeper"));
        Files.writeString(content.resolve("photos/new/deeper/a.png"), "a");
        Files.writeString(content.resolve("photos/new/b.png"), "b");
        // The whole photos folder goes, and another takes its place.
        try (Stream<Path> walk = Files.walk(content.resolve("photos"))) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        Files.createDirectories(content.resolve("photos"));
        Files.writeString(content.resolve("photos/only.png"), "only");
        List<Path> changed = List.of(content.resolve("poses/tree.md"), content.resolve("poses/chair.md"),
                content.resolve("poses/mountain.md"), content.resolve("photos"), theme.resolve("templates/base.peb"));
        assertEquals(BuildKey.stamps(content), BuildKey.restamp(content, before, changed));
        assertTrue(BuildKey.restamp(content, before, changed).containsKey("photos/only.png"));
        assertFalse(BuildKey.restamp(content, before, changed).containsKey("photos/new/b.png"));
    }

    @Test
    void aChangedPoseIsRenderedAgainEvenWhenItsFileKeepsItsSizeAndTime() throws IOException {
        setUp();
        assertEquals(ExitCodes.OK, build().code());
        // mountain.md changes but keeps its size and modification time (as tools that restore
        // times can leave it); tree.md changes size, so the build runs.
        Path mountain = content.resolve("poses/mountain.md");
        var time = Files.getLastModifiedTime(mountain);
        edit("poses/mountain.md", s -> s.replace("Improves posture", "Improves balance"));
        Files.setLastModifiedTime(mountain, time);
        edit("poses/tree.md", s -> s.replace("1. ", "1. Slowly, "));
        // Aliases that print alike as lists but are indexed differently: "Vrksasana, Tree" is one
        // alias (one whole name) where "Vrksasana", "Tree" are two.
        edit("poses/tree.md", s -> s.replace("aliases: [Vrksasana]", "aliases: [Vrksasana, Tree Balance]"));
        assertEquals(ExitCodes.OK, build().code());
        edit("poses/tree.md", s -> s.replace("aliases: [Vrksasana, Tree Balance]", "aliases: [\"Vrksasana, Tree Balance\"]"));
        assertEquals(ExitCodes.OK, build().code());
        assertTrue(Files.readString(out.resolve("poses/mountain/index.html")).contains("Improves balance"));
        assertEquals(fromScratch(), snapshot(out));
    }

    @Test
    void aFileAddedToThePublishedSiteByHandDoesNotComeBack() throws IOException {
        setUp();
        assertEquals(ExitCodes.OK, build().code());
        edit("poses/tree.md", s -> s.replace("1. ", "1. Slowly, "));
        assertEquals(ExitCodes.OK, build().code()); // from here on, a previous site is kept
        Files.writeString(out.resolve("extra.html"), "added by hand");
        Files.writeString(out.resolve("poses/mountain/extra.html"), "added by hand"); // in a page's folder
        Files.createDirectories(out.resolve("poses/mountain/more"));
        Files.writeString(out.resolve("poses/mountain/more/extra.html"), "added by hand");
        edit("poses/tree.md", s -> s.replace("1. Slowly, ", "1. Gently, "));
        assertEquals(ExitCodes.OK, build().code()); // the site with extra.html is now the kept one
        edit("poses/tree.md", s -> s.replace("1. Gently, ", "1. Calmly, "));
        assertEquals(ExitCodes.OK, build().code()); // starts from the kept site
        assertFalse(Files.exists(out.resolve("extra.html")));
        assertFalse(Files.exists(out.resolve("poses/mountain/extra.html")));
        assertFalse(Files.exists(out.resolve("poses/mountain/more")));
        assertEquals(fromScratch(), snapshot(out));
    }

    @Test
    void filesAddedByHandAreFoundInTheFoldersTheyChanged() throws Exception {
        setUp();
        assertEquals(ExitCodes.OK, build().code());
        edit("poses/tree.md", s -> s.replace("1. ", "1. Slowly, "));
        assertEquals(ExitCodes.OK, build().code()); // links every file anew: a previous site is kept from here on
        Thread.sleep(1_100); // the folders the next builds leave alone are then older than their start
        rewordAndBuild("Gently", "Calmly"); // each reuses the site kept beside the output
        // In folders of a site whose other folders are older than the build that made it: only
        // the folders changed since are read when that site is the kept one, two builds later.
        Files.writeString(out.resolve("extra.html"), "added by hand");
        Files.writeString(out.resolve("poses/mountain/extra.html"), "added by hand");
        Files.createDirectories(out.resolve("sequences/more"));
        Files.writeString(out.resolve("sequences/more/extra.html"), "added by hand");
        Files.delete(Publisher.kept(out).resolve("poses/mountain/index.html")); // and one taken away
        rewordAndBuild("Softly", "Slowly");
        assertFalse(Files.exists(out.resolve("extra.html")));
        assertFalse(Files.exists(out.resolve("poses/mountain/extra.html")));
        assertFalse(Files.exists(out.resolve("sequences/more")));
        assertEquals(fromScratch(), snapshot(out));
    }

    /** One build after each edit of tree.md's first step, which then starts with {@code words} in turn. */
    private void rewordAndBuild(String... words) throws IOException {
        for (String word : words) {
            edit("poses/tree.md", s -> s.replaceFirst("1\\. [A-Z][a-z]+, ", "1. " + word + ", "));
            assertEquals(ExitCodes.OK, build().code());
        }
    }

    @Test
    void aTemplateChangeRendersEverythingAgain() throws IOException {
        setUp();
        assertEquals(ExitCodes.OK, build().code());
        Path footer = theme.resolve("templates/base.peb");
        Files.writeString(footer, Files.readString(footer).replace("Practice within your limits.", "Practise gently."));
        TestSites.Run run = build();
        assertTrue(rendered(run).contains("16 pages") && !rendered(run).contains("unchanged"), run.out());
        assertTrue(Files.readString(out.resolve("poses/tree/index.html")).contains("Practise gently."));
        assertEquals(fromScratch(), snapshot(out));

        // The next build after a full one starts from the site kept beside the output (the one
        // before the full build, which differs everywhere), and still publishes exactly the right site.
        assertTrue(Files.isDirectory(tmp.resolve(".public.previous")), "a kept previous site");
        Files.delete(content.resolve("poses/downward-dog.md"));
        edit("sequences/short-flow.yaml", s -> s.replace("pose: downward-dog", "pose: mountain"));
        edit("poses/tree.md", s -> s.replace("1. ", "1. Softly, "));
        TestSites.Run next = build();
        assertTrue(rendered(next).contains("rendered,"), next.out());
        assertEquals(fromScratch(), snapshot(out));
    }

    @Test
    void aNewProcessStartsFromWhatTheLastBuildLeftInTheCache() throws IOException {
        setUp();
        age(content); // a file changed just before the build read it is read again by the next one
        Path cache = tmp.resolve("cache");
        assertEquals(ExitCodes.OK, build().code());
        edit("poses/tree.md", s -> s.replace("1. ", "1. Slowly, "));
        TestSites.Run run = build();
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().contains("(4 as the last build read them)"), "3 poses and 1 sequence not read: " + run.out());
        assertTrue(run.out().contains("changed terms only"), run.out());
        assertEquals(fromScratch(), snapshot(out));
        byte[] olderSnapshot = Files.readAllBytes(cache.resolve("content-snapshot.bin"));

        // A file of the browser index deleted by hand: every term is read from the index instead.
        edit("poses/tree.md", s -> s.replace("Slowly, ", "Softly, "));
        try (Stream<Path> shards = Files.list(out.resolve("assets/search"))) {
            for (Path shard : shards.filter(p -> p.getFileName().toString().startsWith("t.")).toList()) Files.delete(shard);
        }
        run = build();
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertFalse(run.out().contains("changed terms only"), run.out());
        assertEquals(fromScratch(), snapshot(out));

        // A snapshot older than the last build: the files changed since it are read, and the
        // documents it gives are not those the index holds, so every term is read.
        edit("poses/tree.md", s -> s.replace("Softly, ", "Calmly, "));
        assertEquals(ExitCodes.OK, build().code());
        Files.write(cache.resolve("content-snapshot.bin"), olderSnapshot);
        edit("poses/mountain.md", s -> s.replace("name: Mountain Pose", "name: Mountain"));
        run = build();
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertFalse(run.out().contains("changed terms only"), run.out());
        assertEquals(fromScratch(), snapshot(out));

        // Without the cache's files: everything is read.
        edit("poses/tree.md", s -> s.replace("Calmly, ", "Gently, "));
        Files.delete(cache.resolve("content-snapshot.bin"));
        Files.delete(cache.resolve("search-terms.tsv"));
        run = build();
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertFalse(run.out().contains("as the last build read them"), run.out());
        assertFalse(run.out().contains("changed terms only"), run.out());
        assertEquals(fromScratch(), snapshot(out));
    }

    @Test
    void aFailedIncrementalBuildLeavesTheSiteAloneAndTheNextOneIsRight() throws IOException {
        setUp();
        assertEquals(ExitCodes.OK, build().code());
        edit("poses/tree.md", s -> s.replace("1. ", "1. Gently, "));
        assertEquals(ExitCodes.OK, build().code()); // now a previous site is kept beside the output
        Map<String, String> published = snapshot(out);

        edit("poses/tree.md", s -> s.replace("difficulty: beginner", "difficulty: easy"));
        assertEquals(ExitCodes.INVALID_CONTENT, build().code());
        assertEquals(published, snapshot(out));

        edit("poses/tree.md", s -> s.replace("difficulty: easy", "difficulty: intermediate"));
        assertEquals(ExitCodes.OK, build().code());
        assertEquals(fromScratch(), snapshot(out));
    }

    @Test
    void aPublishedFileChangedByHandIsNoticed() throws IOException {
        setUp();
        assertEquals(ExitCodes.OK, build().code());
        Files.writeString(out.resolve("robots.txt"), "tampered");
        TestSites.Run run = build();
        assertFalse(run.out().contains("is up to date"), run.out());
        assertEquals(fromScratch(), snapshot(out));

        // Also from the kept previous site: a page edited by hand, then a build that deletes it.
        edit("poses/tree.md", s -> s.replace("1. ", "1. Calmly, "));
        assertEquals(ExitCodes.OK, build().code());
        Files.writeString(out.resolve("poses/downward-dog/index.html"), "tampered");
        Files.delete(content.resolve("poses/downward-dog.md"));
        edit("sequences/short-flow.yaml", s -> s.replace("pose: downward-dog", "pose: mountain"));
        TestSites.Run deleted = build();
        assertEquals(ExitCodes.OK, deleted.code(), deleted.err());
        assertEquals(fromScratch(), snapshot(out));
        edit("poses/tree.md", s -> s.replace("1. Calmly, ", "1. "));
        assertEquals(ExitCodes.OK, build().code());
        assertEquals(fromScratch(), snapshot(out));
    }

    private static Map<String, Object> inodesAndTimes(Path root) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                state.put(root.relativize(p).toString(), List.of(String.valueOf(a.fileKey()), a.lastModifiedTime()));
            }
        }
        return state;
    }
}
