package org.yogaflow.generator.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.content.Sequence;
import org.yogaflow.generator.content.Step;
import org.yogaflow.generator.render.views.Caution;

/**
 * Merges the contraindications of every pose in a sequence into a short summary a reader can
 * scan before class: conditions grouped by the part of the body (or kind of condition) they
 * concern, each group naming the poses involved. Pose-specific advice in parentheses ("Knee
 * injury (pad the knees)") stays on the pose page; here only the condition is kept, so the same
 * condition written by several poses appears once.
 */
final class SafetySummary {

    /** Groups in display order; a condition joins the first group one of whose words it mentions. */
    private static final Map<String, Pattern> GROUPS = groups(
            "Pregnancy", "pregnan",
            "Blood pressure, eyes and balance", "blood pressure|glaucoma|retina|eye|dizz|lightheaded|vertigo|balance",
            "Head and neck", "neck|head|migraine|cervical",
            "Shoulders, arms and wrists", "shoulder|wrist|carpal|elbow|arm|hand",
            "Back and spine", "back|spine|spinal|discs?\\b|sciatica|sacroiliac",
            "Hips and knees", "hip|knee|groin|hamstring|pelvi",
            "Ankles and feet", "ankle|foot|feet|heel",
            "Other conditions", "");

    private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)");

    private SafetySummary() {}

    static List<Caution> of(Library library, Sequence sequence) {
        Map<String, Map<String, String>> conditions = new LinkedHashMap<>(); // group → key → text
        Map<String, TreeSet<String>> poses = new LinkedHashMap<>();
        GROUPS.keySet().forEach(g -> {
            conditions.put(g, new LinkedHashMap<>());
            poses.put(g, new TreeSet<>());
        });
        sequence.steps().stream().map(Step::pose).distinct().map(library.poses()::get)
                .filter(pose -> pose != null)
                .forEach(pose -> pose.contraindications().forEach(c -> add(pose, c, conditions, poses)));
        List<Caution> summary = new ArrayList<>();
        conditions.forEach((group, texts) -> {
            if (!texts.isEmpty()) {
                summary.add(new Caution(group, List.copyOf(texts.values()), List.copyOf(poses.get(group))));
            }
        });
        return summary;
    }

    private static void add(Pose pose, String contraindication, Map<String, Map<String, String>> conditions,
            Map<String, TreeSet<String>> poses) {
        Condition condition = CONDITIONS.computeIfAbsent(contraindication, SafetySummary::condition);
        conditions.get(condition.group()).putIfAbsent(condition.key(), condition.text());
        poses.get(condition.group()).add(pose.name());
    }

    /** A contraindication reduced to its condition, its group and the key that merges duplicates. */
    private record Condition(String group, String key, String text) {}

    /** The same contraindications recur across poses and sequences: classify each text once. */
    private static final Map<String, Condition> CONDITIONS = new ConcurrentHashMap<>();

    private static Condition condition(String contraindication) {
        String text = PARENTHETICAL.matcher(contraindication).replaceAll("").strip();
        if (text.isEmpty()) text = contraindication.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        String group = GROUPS.entrySet().stream()
                .filter(e -> e.getValue().pattern().isEmpty() || e.getValue().matcher(lower).find())
                .findFirst().orElseThrow().getKey();
        return new Condition(group, key(lower), text);
    }

    /** "Wrist injury or carpal tunnel syndrome" and "Carpal tunnel syndrome or wrist injury" are one condition. */
    private static String key(String lower) {
        return String.join("|", new TreeSet<>(List.of(lower.split("\\s*(?:,|\\bor\\b)\\s*"))));
    }

    private static Map<String, Pattern> groups(String... labelsAndPatterns) {
        Map<String, Pattern> groups = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndPatterns.length; i += 2) {
            String words = labelsAndPatterns[i + 1];
            // Each word must start a word of the text: "disc" must not match "discomfort".
            groups.put(labelsAndPatterns[i], Pattern.compile(words.isEmpty() ? "" : "\\b(?:" + words + ")"));
        }
        return groups;
    }
}
