package org.yogaflow.generator.content;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Everything read from the content folder, drafts included, keyed by slug in sorted order so
 * that every later stage iterates deterministically.
 *
 * @param photos the file names found in {@code photos/}, relative to it, with forward slashes
 */
public record Library(
        Path contentDir,
        Taxonomy taxonomy,
        SortedMap<String, Pose> poses,
        SortedMap<String, Sequence> sequences,
        SortedSet<String> photos) {

    public Library {
        poses = Collections.unmodifiableSortedMap(new TreeMap<>(poses));
        sequences = Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
        photos = Collections.unmodifiableSortedSet(new java.util.TreeSet<>(photos));
    }

    public Path photoFile(String photo) {
        return contentDir.resolve("photos").resolve(photo);
    }

    /** The library as published: drafts removed unless {@code includeDrafts}. */
    public Library published(boolean includeDrafts) {
        if (includeDrafts) return this;
        SortedMap<String, Pose> p = new TreeMap<>(poses);
        p.values().removeIf(Pose::draft);
        SortedMap<String, Sequence> s = new TreeMap<>(sequences);
        s.values().removeIf(Sequence::draft);
        return new Library(contentDir, taxonomy, p, s, photos);
    }

    public List<Pose> poseList() {
        return List.copyOf(poses.values());
    }
}
