package org.yogaflow.account.service;

import java.time.Instant;
import java.util.List;

/** Public counts for the site's "sort by popularity": sessions per sequence, favorites per pose. */
public record Popularity(List<SequenceSessions> sequences, List<PoseFavorites> poses, Instant generatedAt) {

    public record SequenceSessions(String slug, long sessions) {}

    public record PoseFavorites(String slug, long favorites) {}
}
