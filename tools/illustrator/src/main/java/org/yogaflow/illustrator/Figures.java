package org.yogaflow.illustrator;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code figures.yaml}: a map from pose slug to {@link Figure}, in file order. */
public final class Figures {

    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private Figures() {}

    /**
     * Parses and checks the file; unknown fields (typos) are errors, and every problem of every
     * entry is reported at once in the exception message.
     */
    public static Map<String, Figure> load(Path file) throws IOException {
        LinkedHashMap<String, Figure> figures = MAPPER.readValue(file.toFile(), new TypeReference<>() {});
        if (figures == null) throw new IllegalArgumentException(file + ": no figures");
        List<String> problems = new ArrayList<>();
        figures.forEach((slug, figure) -> {
            if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) problems.add(slug + ": not a valid slug");
            if (figure == null) problems.add(slug + ": empty entry");
            else figure.problems().forEach(p -> problems.add(slug + ": " + p));
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ":\n  " + String.join("\n  ", problems));
        }
        return figures;
    }
}
