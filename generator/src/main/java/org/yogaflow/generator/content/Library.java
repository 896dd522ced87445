package org.yogaflow.generator.content;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yogaflow.generator.cache.KeyOrder;

/**
 * Everything read from the content folder, drafts included. Poses and sequences are keyed by
 * slug and iterate in slug order, so every later stage is deterministic; lookups are hash lookups.
 *
 * @param photos the file names found in {@code photos/}, relative to it, with forward slashes
 */
public record Library(
        Path contentDir,
        Taxonomy taxonomy,
        Map<String, Pose> poses,
        Map<String, Sequence> sequences,
        SortedSet<String> photos) {

    public Library {
        poses = sortedBySlug(poses);
        sequences = sortedBySlug(sequences);
        photos = Collections.unmodifiableSortedSet(new TreeSet<>(photos));
    }

    public Path photoFile(String photo) {
        return contentDir.resolve("photos").resolve(photo);
    }

    /** The library as published: drafts removed unless {@code includeDrafts}. */
    public Library published(boolean includeDrafts) {
        if (includeDrafts || (poses.values().stream().noneMatch(Pose::draft)
                && sequences.values().stream().noneMatch(Sequence::draft))) {
            return this;
        }
        Map<String, Pose> p = new LinkedHashMap<>(poses);
        p.values().removeIf(Pose::draft);
        Map<String, Sequence> s = new LinkedHashMap<>(sequences);
        s.values().removeIf(Sequence::draft);
        return new Library(contentDir, taxonomy, p, s, photos);
    }

    public List<Pose> poseList() {
        return List.copyOf(poses.values());
    }

    private static <T> Map<String, T> sortedBySlug(Map<String, T> map) {
        // A map already in slug order (the loader's, or one published() filtered) needs no sorting, only a copy.
        boolean sorted = map instanceof LinkedHashMap && KeyOrder.isSorted(map.keySet());
        return Collections.unmodifiableMap(new LinkedHashMap<>(sorted ? map : new TreeMap<>(map)));
    }
}
