package org.yogaflow.generator.validate;

import java.util.List;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Origin;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.content.Sequence;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Suggest;

/** Every slug a pose or sequence names must be a pose that will be published. */
final class ReferenceRules {

    private ReferenceRules() {}

    static void check(Library library, boolean includeDrafts, Diagnostics diagnostics) {
        for (Pose pose : library.poses().values()) {
            List<String> related = pose.related();
            for (int i = 0; i < related.size(); i++) {
                String slug = related.get(i);
                if (slug.equals(pose.slug())) {
                    diagnostics.warning(pose.origin().at("related[" + i + "]"), "pose lists itself as related",
                            "remove '" + slug + "' from 'related'");
                    continue;
                }
                checkPose(library, includeDrafts || pose.draft(), slug, pose.origin(), "related[" + i + "]", diagnostics);
            }
        }
        for (Sequence sequence : library.sequences().values()) {
            for (int i = 0; i < sequence.steps().size(); i++) {
                String slug = sequence.steps().get(i).pose();
                if (slug.isBlank()) continue; // already reported as missing
                checkPose(library, includeDrafts || sequence.draft(), slug, sequence.origin(),
                        "steps[" + i + "].pose", diagnostics);
            }
        }
    }

    private static void checkPose(Library library, boolean draftsAllowed, String slug, Origin origin, String key,
            Diagnostics diagnostics) {
        Pose target = library.poses().get(slug);
        if (target == null) {
            diagnostics.error(origin.at(key), "unknown pose '" + slug + "'",
                    Suggest.closest(slug, library.poses().keySet())
                            .map(s -> "did you mean '" + s + "'?")
                            .orElse("use the file name of a pose in content/poses/, without '.md'"));
        } else if (target.draft() && !draftsAllowed) {
            diagnostics.error(origin.at(key), "pose '" + slug + "' is a draft and will not be published",
                    "remove 'draft: true' from " + target.origin().path() + ", or build with --drafts to preview");
        }
    }
}
