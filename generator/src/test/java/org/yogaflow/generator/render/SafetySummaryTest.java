package org.yogaflow.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.content.ContentLoader;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.render.views.Caution;

class SafetySummaryTest {

    @Test
    void mergesConditionsByGroupAcrossPosesDroppingPoseSpecificAdvice(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copySite("valid", tmp);
        Path tree = content.resolve("poses/tree.md");
        Files.writeString(tree, Files.readString(tree).replace(
                "contraindications: [Low blood pressure, Recent ankle injury]",
                "contraindications: [Low blood pressure (stand near a wall), Recent ankle injury, "
                        + "Wrist injury or carpal tunnel syndrome, Anxiety or discomfort with lying still]"));
        Path dog = content.resolve("poses/downward-dog.md");
        Files.writeString(dog, Files.readString(dog).replace(
                "Carpal tunnel syndrome]", "Carpal tunnel syndrome or wrist injury (come onto the fists)]"));
        Library library = ContentLoader.load(content, new Diagnostics());

        List<Caution> summary = SafetySummary.of(library, library.sequences().get("short-flow"));

        // Tree Pose and Downward-Facing Dog name the wrist condition with the words swapped: it appears once.
        assertEquals(List.of(
                new Caution("Blood pressure, eyes and balance", List.of("Low blood pressure", "Glaucoma",
                        "High blood pressure"), List.of("Downward-Facing Dog", "Tree Pose")),
                new Caution("Shoulders, arms and wrists", List.of("Wrist injury or carpal tunnel syndrome"),
                        List.of("Downward-Facing Dog", "Tree Pose")),
                new Caution("Ankles and feet", List.of("Recent ankle injury"), List.of("Tree Pose")),
                new Caution("Other conditions", List.of("Anxiety or discomfort with lying still"), List.of("Tree Pose"))),
                summary);
    }
}
