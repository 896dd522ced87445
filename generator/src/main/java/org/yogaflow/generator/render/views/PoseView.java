package org.yogaflow.generator.render.views;

import java.util.List;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.images.Photo;

/** Everything a pose page shows, ready for the template; related poses come as rendered cards. */
public record PoseView(Pose pose, PoseCard card, String instructionsHtml, List<String> bodyAreas,
        String categoryLabel, Photo photo, List<SequenceLink> usedBy, List<String> relatedHtml) {}
