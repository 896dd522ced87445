package org.yogaflow.generator.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The controlled vocabulary from {@code content/taxonomy.yaml}: body-area slugs and the labels
 * shown to readers, in the order the file gives them.
 */
public record Taxonomy(Map<String, String> bodyAreas) {

    public Taxonomy {
        bodyAreas = Collections.unmodifiableMap(new LinkedHashMap<>(bodyAreas));
    }

    public String label(String bodyArea) {
        return bodyAreas.getOrDefault(bodyArea, bodyArea);
    }
}
