package org.yogaflow.generator.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.content.Sequence;
import org.yogaflow.generator.content.Side;
import org.yogaflow.generator.content.Step;
import org.yogaflow.generator.images.Photo;
import org.yogaflow.generator.images.Rendition;
import org.yogaflow.generator.publish.OutputTree;
import org.yogaflow.generator.render.views.PoseCard;

/**
 * Writes {@code api/catalog.json}, the public machine-readable catalog: every published pose and
 * sequence with its fields and URLs. The account API reads it to know which slugs exist and how
 * long each sequence is, so its shape is versioned ({@code version}) and only ever extended.
 */
final class CatalogWriter {

    static final int VERSION = 1;
    // The writer stays open after the document: the output tree closes it.
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private CatalogWriter() {}

    static void write(Library library, Permalinks links, Map<String, PoseCard> cards, OutputTree tree) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("base_url", links.baseUrl());
        List<Object> poses = new ArrayList<>();
        for (Pose pose : library.poses().values()) {
            poses.add(pose(pose, links, cards.get(pose.slug()).photo()));
        }
        List<Object> sequences = new ArrayList<>();
        for (Sequence sequence : library.sequences().values()) {
            sequences.add(sequence(sequence, links));
        }
        root.put("poses", poses);
        root.put("sequences", sequences);
        tree.write("api/catalog.json", out -> {
            JSON.writeValue(out, root);
            out.write('\n');
        });
    }

    private static Map<String, Object> pose(Pose pose, Permalinks links, Photo photo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", pose.slug());
        m.put("url", links.absolute(Permalinks.posePath(pose.slug())));
        m.put("name", pose.name());
        m.put("sanskrit", pose.sanskrit());
        m.put("aliases", pose.aliases());
        m.put("difficulty", pose.difficulty().slug());
        m.put("category", pose.category() == null ? null : pose.category().slug());
        m.put("body_areas", pose.bodyAreas());
        Map<String, Object> duration = new LinkedHashMap<>(); // Map.of would iterate in a random order
        duration.put("min", pose.duration().min());
        duration.put("max", pose.duration().max());
        m.put("duration", duration);
        m.put("benefits", pose.benefits());
        m.put("contraindications", pose.contraindications());
        m.put("props", pose.props());
        m.put("related", pose.related());
        if (photo != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("width", photo.width());
            p.put("height", photo.height());
            p.put("alt", photo.alt());
            List<Map<String, Object>> renditions = new ArrayList<>();
            for (Rendition r : photo.renditions()) {
                Map<String, Object> rendition = new LinkedHashMap<>();
                rendition.put("url", links.absolute(r.sitePath()));
                rendition.put("width", r.width());
                rendition.put("height", r.height());
                rendition.put("type", "image/webp");
                renditions.add(rendition);
            }
            p.put("renditions", renditions);
            m.put("photo", p);
        } else {
            m.put("photo", null);
        }
        return m;
    }

    private static Map<String, Object> sequence(Sequence sequence, Permalinks links) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", sequence.slug());
        m.put("url", links.absolute(Permalinks.sequencePath(sequence.slug())));
        m.put("title", sequence.title());
        m.put("difficulty", sequence.difficulty().slug());
        m.put("minutes", sequence.minutes());
        m.put("computed_seconds", sequence.computedSeconds());
        m.put("audience", sequence.audience());
        m.put("benefits", sequence.benefits());
        m.put("transition_seconds", sequence.transitionSeconds());
        List<Object> steps = new ArrayList<>();
        for (Step step : sequence.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("pose", step.pose());
            s.put("hold", step.hold());
            s.put("side", step.side() == Side.NONE ? null : step.side().slug());
            s.put("repeat", step.repeat());
            s.put("transition", step.transition());
            s.put("cue", step.cue());
            steps.add(s);
        }
        m.put("steps", steps);
        return m;
    }
}
