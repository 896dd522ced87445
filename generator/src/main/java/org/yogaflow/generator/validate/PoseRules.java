package org.yogaflow.generator.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Suggest;

/** Rules about a pose on its own: vocabulary, counts, and names unique across the library. */
final class PoseRules {

    static final int MAX_BODY_AREAS = 3;

    private PoseRules() {}

    static void check(Library library, Diagnostics diagnostics) {
        Set<String> areas = library.taxonomy().bodyAreas().keySet();
        for (Pose pose : library.poses().values()) {
            List<String> bodyAreas = pose.bodyAreas();
            if (bodyAreas.size() > MAX_BODY_AREAS) {
                diagnostics.error(pose.origin().at("body_areas[" + MAX_BODY_AREAS + "]"),
                        "a pose lists at most " + MAX_BODY_AREAS + " body areas, this one has " + bodyAreas.size(),
                        "keep the " + MAX_BODY_AREAS + " areas the pose works most");
            } else if (bodyAreas.isEmpty() && pose.origin().positions().containsKey("body_areas")) {
                diagnostics.error(pose.origin().at("body_areas"), "'body_areas' is empty",
                        "list 1 to 3 areas from content/taxonomy.yaml");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < bodyAreas.size(); i++) {
                String area = bodyAreas.get(i);
                if (!areas.isEmpty() && !areas.contains(area)) {
                    diagnostics.error(pose.origin().at("body_areas[" + i + "]"), "unknown body area '" + area + "'",
                            Suggest.hint(area, areas));
                } else if (!seen.add(area)) {
                    diagnostics.warning(pose.origin().at("body_areas[" + i + "]"), "body area '" + area + "' is listed twice",
                            "remove the second one");
                }
            }
            if (pose.photo() != null && pose.photoAlt() == null) {
                diagnostics.error(pose.origin().at("photo"), "'photo_alt' is required when 'photo' is set",
                        "add 'photo_alt:' describing what the photo shows, e.g. 'Woman balancing on her left leg in Tree Pose'");
            }
            if (pose.photo() == null && pose.photoAlt() != null) {
                diagnostics.warning(pose.origin().at("photo_alt"), "'photo_alt' is set but there is no 'photo'",
                        "add 'photo:' with a file from content/photos/, or remove 'photo_alt'");
            }
            if (pose.instructions().isBlank()) {
                diagnostics.warning(pose.origin().source().at(1, 1), "pose has no instructions",
                        "write the steps into the pose as Markdown after the closing '---'");
            }
        }
        warnDuplicates(library, Pose::name, "name", diagnostics);
        warnDuplicates(library, Pose::sanskrit, "sanskrit", diagnostics);
    }

    private static void warnDuplicates(Library library, Function<Pose, String> field, String key, Diagnostics diagnostics) {
        Map<String, Pose> first = new HashMap<>();
        for (Pose pose : library.poses().values()) {
            String value = field.apply(pose);
            if (value.isBlank()) continue;
            Pose earlier = first.putIfAbsent(value.toLowerCase(Locale.ROOT), pose);
            if (earlier != null) {
                diagnostics.warning(pose.origin().at(key), "'" + key + "' '" + value + "' is also used by "
                        + earlier.origin().path(), "give each pose its own " + key + ", or merge the two files");
            }
        }
    }
}
