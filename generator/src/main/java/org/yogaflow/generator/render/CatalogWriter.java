package org.yogaflow.generator.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.yogaflow.generator.cache.Same;
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
    // Streamed field by field (no maps to build and look serializers up for): ten thousand poses
    // take a tenth of the time. The writer stays open after the document: the output tree closes it.
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private CatalogWriter() {}

    /** What makes an entry's JSON (UTF-8), or takes it from an earlier build: (key, make) → bytes. */
    interface Entries {
        byte[] get(Object key, Supplier<byte[]> make);
    }

    /**
     * @param entries each pose's and sequence's entry by what it is made of (the same pose and an
     *                equal photo, the same sequence), so that a long-running process makes again
     *                only changed ones; the file is then mostly a copy of their bytes
     */
    static void write(Library library, Permalinks links, Map<String, PoseCard> cards, OutputTree tree, Entries entries) {
        tree.writeLarge("api/catalog.json", out -> {
            out.write(("{\"version\":" + VERSION + ",\"base_url\":" + entry(g -> g.writeString(links.baseUrl()))
                    + ",\"poses\":[").getBytes(StandardCharsets.UTF_8));
            String separator = "";
            for (Pose pose : library.poses().values()) {
                Photo photo = cards.get(pose.slug()).photo();
                out.write(separator.getBytes(StandardCharsets.UTF_8));
                out.write(entries.get(new Same(pose, Arrays.asList("entry", photo)),
                        () -> bytes(g -> pose(g, pose, links, photo))));
                separator = ",";
            }
            out.write("],\"sequences\":[".getBytes(StandardCharsets.UTF_8));
            separator = "";
            for (Sequence sequence : library.sequences().values()) {
                out.write(separator.getBytes(StandardCharsets.UTF_8));
                out.write(entries.get(new Same(sequence, "entry"), () -> bytes(g -> sequence(g, sequence, links))));
                separator = ",";
            }
            out.write("]}\n".getBytes(StandardCharsets.UTF_8));
        });
    }

    private static byte[] bytes(Writing write) {
        return entry(write).getBytes(StandardCharsets.UTF_8);
    }

    /** What {@code write} writes with a generator of its own, as text. */
    private static String entry(Writing write) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            write.to(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    @FunctionalInterface
    private interface Writing {
        void to(JsonGenerator json) throws IOException;
    }

    private static void pose(JsonGenerator json, Pose pose, Permalinks links, Photo photo) throws IOException {
        json.writeStartObject();
        json.writeStringField("slug", pose.slug());
        json.writeStringField("url", links.absolute(Permalinks.posePath(pose.slug())));
        json.writeStringField("name", pose.name());
        json.writeStringField("sanskrit", pose.sanskrit());
        strings(json, "aliases", pose.aliases());
        json.writeStringField("difficulty", pose.difficulty().slug());
        json.writeStringField("category", pose.category() == null ? null : pose.category().slug());
        strings(json, "body_areas", pose.bodyAreas());
        json.writeObjectFieldStart("duration");
        json.writeNumberField("min", pose.duration().min());
        json.writeNumberField("max", pose.duration().max());
        json.writeEndObject();
        strings(json, "benefits", pose.benefits());
        strings(json, "contraindications", pose.contraindications());
        strings(json, "props", pose.props());
        strings(json, "related", pose.related());
        if (photo != null) {
            json.writeObjectFieldStart("photo");
            json.writeNumberField("width", photo.width());
            json.writeNumberField("height", photo.height());
            json.writeStringField("alt", photo.alt());
            json.writeArrayFieldStart("renditions");
            for (Rendition r : photo.renditions()) {
                json.writeStartObject();
                json.writeStringField("url", links.absolute(r.sitePath()));
                json.writeNumberField("width", r.width());
                json.writeNumberField("height", r.height());
                json.writeStringField("type", "image/webp");
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } else {
            json.writeNullField("photo");
        }
        json.writeEndObject();
    }

    private static void sequence(JsonGenerator json, Sequence sequence, Permalinks links) throws IOException {
        json.writeStartObject();
        json.writeStringField("slug", sequence.slug());
        json.writeStringField("url", links.absolute(Permalinks.sequencePath(sequence.slug())));
        json.writeStringField("title", sequence.title());
        json.writeStringField("difficulty", sequence.difficulty().slug());
        json.writeNumberField("minutes", sequence.minutes());
        json.writeNumberField("computed_seconds", sequence.computedSeconds());
        json.writeStringField("audience", sequence.audience());
        strings(json, "benefits", sequence.benefits());
        json.writeNumberField("transition_seconds", sequence.transitionSeconds());
        json.writeArrayFieldStart("steps");
        for (Step step : sequence.steps()) {
            json.writeStartObject();
            json.writeStringField("pose", step.pose());
            json.writeNumberField("hold", step.hold());
            json.writeStringField("side", step.side() == Side.NONE ? null : step.side().slug());
            json.writeNumberField("repeat", step.repeat());
            json.writeStringField("transition", step.transition());
            json.writeStringField("cue", step.cue());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) json.writeString(value);
        json.writeEndArray();
    }
}
