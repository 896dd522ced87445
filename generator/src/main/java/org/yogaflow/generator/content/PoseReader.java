package org.yogaflow.generator.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yogaflow.generator.cache.Signature;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Position;

/** Reads one pose file (front matter and Markdown body) into a {@link Pose}. */
final class PoseReader {

    private PoseReader() {}

    static Optional<Pose> read(SourceFile source, Diagnostics diagnostics) {
        Optional<FrontMatter> split = FrontMatter.split(source, diagnostics);
        if (split.isEmpty()) return Optional.empty();
        FrontMatter fm = split.get();
        Optional<YamlNode> root = YamlReader.read(fm.yaml(), source, fm.yamlLineOffset(), diagnostics);
        if (root.isEmpty()) {
            if (fm.yaml().isBlank()) {
                diagnostics.error(source.at(1, 1), "front matter is empty",
                        "add at least name, sanskrit, difficulty and body_areas between the '---' lines");
            }
            return Optional.empty();
        }
        if (!(root.get() instanceof YamlNode.Mapping mapping)) {
            diagnostics.error(root.get().position(), "front matter must be fields ('key: value' lines), not "
                    + root.get().kind(), null);
            return Optional.empty();
        }
        Map<String, Position> positions = new HashMap<>();
        Fields f = new Fields(mapping, "pose", "", positions, diagnostics);
        String name = f.requiredText("name", "Tree Pose");
        String sanskrit = f.requiredText("sanskrit", "Vṛkṣāsana");
        List<String> aliases = f.textList("aliases");
        Difficulty difficulty = f.choice("difficulty", Difficulty.BY_SLUG, true, Difficulty.BEGINNER);
        Category category = f.choice("category", Category.BY_SLUG, false, null);
        List<String> bodyAreas = f.textList("body_areas");
        if (f.node("body_areas").isEmpty()) {
            diagnostics.error(mapping.position(), "pose is missing required field 'body_areas'",
                    "add 'body_areas: [hamstrings]' with 1 to 3 areas from content/taxonomy.yaml");
        }
        HoldRange duration = readDuration(f, diagnostics);
        List<String> benefits = f.textList("benefits");
        List<String> contraindications = f.textList("contraindications");
        List<String> props = f.textList("props");
        List<String> related = f.textList("related");
        String photo = f.optionalText("photo");
        String photoAlt = f.optionalText("photo_alt");
        boolean draft = f.bool("draft", false);
        f.rejectUnknown();
        return Optional.of(new Pose(source.baseName(), name, sanskrit, aliases, difficulty, category, bodyAreas,
                duration, benefits, contraindications, props, related, blankToNull(photo), blankToNull(photoAlt),
                draft, fm.body(), new Origin(source, positions, Signature.of(fm.yaml()))));
    }

    private static HoldRange readDuration(Fields f, Diagnostics diagnostics) {
        Optional<YamlNode.Mapping> node = f.mapping("duration");
        if (node.isEmpty()) return HoldRange.DEFAULT;
        Fields d = new Fields(node.get(), "duration", "duration.", new HashMap<>(), diagnostics);
        Integer min = d.optionalInteger("min", "seconds");
        Integer max = d.optionalInteger("max", "seconds");
        d.rejectUnknown();
        HoldRange range = new HoldRange(min == null ? HoldRange.DEFAULT.min() : min,
                max == null ? HoldRange.DEFAULT.max() : max);
        if (range.min() <= 0 || range.min() > range.max()) {
            diagnostics.error(node.get().position(), "duration must have 0 < min ≤ max, got min " + range.min()
                    + " and max " + range.max(), "e.g. 'duration: {min: 20, max: 45}' (seconds)");
            return HoldRange.DEFAULT;
        }
        return range;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
