package org.yogaflow.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.build.BuildOptions;
import org.yogaflow.generator.build.BuildReport;
import org.yogaflow.generator.build.Pipeline;
import org.yogaflow.generator.cli.ExitCodes;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.images.ImageInfo;

/** The real library in the repository's {@code content/}: its shape, and that it builds cleanly. */
class ContentLibraryTest {

    static final Path CONTENT = Path.of("..", "content").toAbsolutePath().normalize();
    static Library library;

    @BeforeAll
    static void load() {
        Diagnostics diagnostics = new Diagnostics();
        library = ContentLoader.load(CONTENT, diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
    }

    @Test
    void validatesStrictlyWithZeroErrorsAndZeroWarnings() {
        BuildReport report = new Pipeline(new BuildOptions(CONTENT, null, null, BuildOptions.DEFAULT_BASE_URL,
                false, true)).validate();

        assertEquals(List.of(), report.diagnostics().sorted());
    }

    @Test
    void buildsWithZeroErrors(@TempDir Path tmp) {
        TestSites.Run run = TestSites.build(CONTENT, tmp.resolve("public"), "--strict");

        assertEquals(ExitCodes.OK, run.code(), run.err());
    }

    @Test
    void hasOneHundredPublishedPosesAcrossAllLevels() {
        List<Pose> published = library.poses().values().stream().filter(p -> !p.draft()).toList();
        assertEquals(100, published.size());
        Map<Difficulty, Long> byLevel = new LinkedHashMap<>();
        published.forEach(p -> byLevel.merge(p.difficulty(), 1L, Long::sum));
        assertEquals(Map.of(Difficulty.BEGINNER, 45L, Difficulty.INTERMEDIATE, 40L, Difficulty.ADVANCED, 15L), byLevel);
        Set<Category> categories = new HashSet<>();
        published.forEach(p -> categories.add(p.category()));
        assertEquals(Set.of(Category.values()), categories, "every category has poses");
    }

    @Test
    void namesAndSanskritNamesAreUnique() {
        Set<String> names = new HashSet<>();
        Set<String> sanskrit = new HashSet<>();
        for (Pose pose : library.poses().values()) {
            assertTrue(names.add(pose.name().toLowerCase(Locale.ROOT)), "duplicate name " + pose.name());
            assertTrue(sanskrit.add(pose.sanskrit().toLowerCase(Locale.ROOT)), "duplicate Sanskrit " + pose.sanskrit());
        }
    }

    @Test
    void hasTheTenStudioSequencesWithTheirLengthsAndLevels() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Morning Energizer", "15 beginner");
        expected.put("Evening Wind Down", "20 beginner");
        expected.put("Core Strength Builder", "25 intermediate");
        expected.put("Flexibility Flow", "30 intermediate");
        expected.put("Full Body Balance", "20 beginner");
        expected.put("Hip Opener Flow", "25 intermediate");
        expected.put("Back Pain Relief", "15 beginner");
        expected.put("Stress Release", "20 beginner");
        expected.put("Power Flow", "30 advanced");
        expected.put("Gentle Restorative", "30 beginner");

        Map<String, String> actual = new LinkedHashMap<>();
        library.sequences().values().forEach(s -> actual.put(s.title(), s.minutes() + " " + s.difficulty().slug()));

        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(actual));
    }

    @Test
    void everyPoseASequenceUsesExistsAndIsPublished() {
        for (Sequence sequence : library.sequences().values()) {
            for (Step step : sequence.steps()) {
                Pose pose = library.poses().get(step.pose());
                assertTrue(pose != null && !pose.draft(), sequence.slug() + " uses missing pose " + step.pose());
            }
        }
    }

    @Test
    void illustratesAtLeastThirtyPosesIncludingTwoWholeClasses() {
        List<Pose> pictured = library.poses().values().stream().filter(p -> p.photo() != null).toList();
        assertTrue(pictured.size() >= 30, pictured.size() + " poses have a photo");
        for (Pose pose : pictured) {
            ImageInfo.Size size = ImageInfo.size(library.photoFile(pose.photo())).orElseThrow();
            assertTrue(size.width() >= 1600, pose.photo() + " is " + size.width() + " px wide");
            assertTrue(pose.photoAlt().length() > 30, "meaningful alt text for " + pose.slug());
        }
        for (String slug : List.of("morning-energizer", "back-pain-relief")) {
            for (Step step : library.sequences().get(slug).steps()) {
                assertTrue(library.poses().get(step.pose()).photo() != null, slug + ": no photo of " + step.pose());
            }
        }
    }
}
