package org.yogaflow.illustrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    /** Surefire runs in the module directory. */
    static final Path FIGURES = Path.of("figures.yaml");
    static final Path POSES = Path.of("../../content/poses");

    static final List<String> REQUIRED = List.of(
            "mountain", "upward-salute", "standing-forward-bend", "half-standing-forward-bend", "low-lunge",
            "downward-facing-dog", "plank", "knees-chest-chin", "cobra", "chair", "warrior-1", "warrior-2",
            "triangle", "tree", "cat", "cow", "childs-pose", "corpse", "table-top", "thread-the-needle", "sphinx",
            "bridge", "knees-to-chest", "supine-spinal-twist", "reclining-hand-to-big-toe", "happy-baby",
            "legs-up-the-wall", "puppy", "seated-forward-bend", "bound-angle", "easy-pose", "boat", "side-plank",
            "crow", "warrior-3", "half-moon", "camel", "pigeon");

    static Map<String, Figure> figures() throws IOException {
        return Figures.load(FIGURES);
    }

    @Test
    void everyRequiredPoseHasAFigure() throws IOException {
        Map<String, Figure> figures = figures();
        List<String> missing = new ArrayList<>(REQUIRED);
        missing.removeAll(figures.keySet());
        assertEquals(List.of(), missing, "poses without a figure");
        assertTrue(figures.size() >= 35, "at least 35 figures");
    }

    @Test
    void everyFigureBelongsToAPose() throws IOException {
        for (String slug : figures().keySet()) {
            assertTrue(Files.isRegularFile(POSES.resolve(slug + ".md")), "no content/poses/" + slug + ".md");
        }
    }

    @Test
    void everyEntryHasAltTextAndAllRequiredAngles() throws IOException {
        figures().forEach((slug, f) -> {
            assertEquals(List.of(), f.problems(), slug);
            assertNotNull(f.alt(), slug);
            assertTrue(f.alt().startsWith("Illustration "), slug + ": alt text should say it is an illustration");
            assertTrue(f.alt().length() >= 60 && f.alt().length() <= 250, slug + ": alt text length " + f.alt().length());
            // The alt text is pasted into YAML front matter as a plain scalar.
            assertFalse(f.alt().contains(": ") || f.alt().contains(" #") || f.alt().endsWith("."), slug + ": " + f.alt());
            assertNotNull(f.torso(), slug);
            for (Figure.Arm arm : List.of(f.rightArm(), f.leftArm())) {
                assertNotNull(arm.shoulder(), slug);
                assertNotNull(arm.elbow(), slug);
            }
            for (Figure.Leg leg : List.of(f.rightLeg(), f.leftLeg())) {
                assertNotNull(leg.hip(), slug);
                assertNotNull(leg.knee(), slug);
            }
            if (f.view() != Figure.View.TOP) assertFalse(f.ground().isEmpty(), slug + ": name what rests on the floor");
        });
    }

    @Test
    void aMissingAngleIsReportedWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("figures.yaml");
        Files.writeString(file, """
                tree:
                  alt: Illustration of a figure standing on one leg
                  ground: [left_foot]
                  torso: 90
                  right_arm: {shoulder: 20, elbow: 130}
                  left_arm: {shoulder: 20, elbow: 130}
                  right_leg: {hip: 65}
                  left_leg: {hip: 0, knee: 0}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figures.load(file));
        assertTrue(e.getMessage().contains("tree: 'right_leg.knee' is missing"), e.getMessage());
    }

    @Test
    void misspelledFieldsAndUnknownGroundPartsAreErrors(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, """
                tree:
                  alt: Illustration of a figure standing on one leg
                  torso: 90
                  right_arm: {shouldr: 20, elbow: 130}
                """);
        IOException e = assertThrows(IOException.class, () -> Figures.load(typo));
        assertTrue(e.getMessage().contains("shouldr"), e.getMessage());

        Path ground = dir.resolve("ground.yaml");
        Files.writeString(ground, """
                tree:
                  alt: Illustration of a figure standing on one leg
                  ground: [left_toe]
                  torso: 90
                  right_arm: {shoulder: 20, elbow: 130}
                  left_arm: {shoulder: 20, elbow: 130}
                  right_leg: {hip: 65, knee: 138}
                  left_leg: {hip: 0, knee: 0}
                """);
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class, () -> Figures.load(ground));
        assertTrue(g.getMessage().contains("unknown ground part 'left_toe'"), g.getMessage());
    }
}
