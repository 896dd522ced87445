package org.yogaflow.generator.search;

/** One result of a Lucene search: what {@code yogaflow search --json} prints for it. */
public record SearchHit(String slug, String kind, String name, float score, int id) {}
