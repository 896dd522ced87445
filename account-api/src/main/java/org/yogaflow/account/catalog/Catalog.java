package org.yogaflow.account.catalog;

import java.util.Map;
import java.util.Set;

/**
 * What the account API knows of the published site: which pose and sequence slugs exist and
 * how long each sequence is. Read from the generator's {@code api/catalog.json}.
 */
public record Catalog(Set<String> poses, Map<String, CatalogSequence> sequences) {

    public static final Catalog EMPTY = new Catalog(Set.of(), Map.of());

    public Catalog {
        poses = Set.copyOf(poses);
        sequences = Map.copyOf(sequences);
    }

    public boolean hasPose(String slug) {
        return poses.contains(slug);
    }

    public boolean hasSequence(String slug) {
        return sequences.containsKey(slug);
    }
}
