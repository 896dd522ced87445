package org.yogaflow.generator.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Position;

/** Reads one sequence file ({@code content/sequences/<slug>.yaml}) into a {@link Sequence}. */
final class SequenceReader {

    private SequenceReader() {}

    static Optional<Sequence> read(SourceFile source, Diagnostics diagnostics) {
        Optional<YamlNode> root = YamlReader.read(source.text(), source, 0, diagnostics);
        if (root.isEmpty()) {
            if (source.text().isBlank()) {
                diagnostics.error(source.at(1, 1), "sequence file is empty",
                        "start from 'yogaflow new sequence \"My Class\"'");
            }
            return Optional.empty();
        }
        if (!(root.get() instanceof YamlNode.Mapping mapping)) {
            diagnostics.error(root.get().position(), "a sequence must be fields ('key: value' lines), not "
                    + root.get().kind(), null);
            return Optional.empty();
        }
        Map<String, Position> positions = new HashMap<>();
        Fields f = new Fields(mapping, "sequence", "", positions, diagnostics);
        String title = f.requiredText("title", "Morning Energizer");
        Difficulty difficulty = f.choice("difficulty", Difficulty.BY_SLUG, true, Difficulty.BEGINNER);
        Integer minutes = f.optionalInteger("minutes", "minutes");
        if (f.node("minutes").isEmpty()) {
            diagnostics.error(mapping.position(), "sequence is missing required field 'minutes'",
                    "add 'minutes: 20', the length you advertise for the class");
        }
        String audience = f.optionalText("audience");
        List<String> benefits = f.textList("benefits");
        String description = f.optionalText("description");
        Integer transition = f.optionalInteger("transition_seconds", "seconds");
        boolean draft = f.bool("draft", false);
        List<Step> steps = readSteps(f, positions, diagnostics);
        f.rejectUnknown();
        return Optional.of(new Sequence(source.baseName(), title, difficulty, minutes == null ? 0 : minutes,
                audience, benefits, description == null ? "" : description,
                transition == null ? Sequence.DEFAULT_TRANSITION_SECONDS : transition, steps, draft,
                new Origin(source, positions)));
    }

    private static List<Step> readSteps(Fields f, Map<String, Position> positions, Diagnostics diagnostics) {
        Optional<YamlNode> node = f.node("steps");
        if (node.isEmpty()) {
            diagnostics.error(f.position(), "sequence is missing required field 'steps'",
                    "add 'steps:' with one '- pose: <slug>' entry per step");
            return List.of();
        }
        List<YamlNode> items = f.items(node.get(), "steps");
        if (items.isEmpty() && node.get() instanceof YamlNode.Sequence) {
            diagnostics.error(node.get().position(), "'steps' is empty", "add at least one '- pose: <slug>' entry");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String what = "step " + (i + 1);
            if (!(items.get(i) instanceof YamlNode.Mapping m)) {
                diagnostics.error(items.get(i).position(), what + " must be fields like 'pose: tree', not "
                        + items.get(i).kind(), "write '- pose: <slug>' then 'hold: 30' indented below it");
                continue;
            }
            Fields s = new Fields(m, what, "steps[" + i + "].", positions, diagnostics);
            String pose = s.requiredText("pose", "mountain");
            Integer hold = s.optionalInteger("hold", "seconds");
            if (s.node("hold").isEmpty()) {
                diagnostics.error(m.position(), what + " is missing required field 'hold'", "add 'hold: 30' (seconds)");
            }
            Side side = s.choice("side", Side.BY_SLUG, false, Side.NONE);
            Integer repeat = s.optionalInteger("repeat", "repetitions");
            String transition = s.optionalText("transition");
            String cue = s.optionalText("cue");
            s.rejectUnknown();
            if (repeat != null && repeat < 1) {
                diagnostics.error(s.node("repeat").get().position(), what + ": 'repeat' must be at least 1, got " + repeat,
                        "remove 'repeat' to do the step once");
                repeat = 1;
            }
            steps.add(new Step(pose, hold == null ? 0 : hold, side,
                    repeat == null ? 1 : repeat, transition, cue));
        }
        return List.copyOf(steps);
    }
}
