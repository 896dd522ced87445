package org.yogaflow.account.catalog;

/** A sequence as the catalog lists it; {@code computedSeconds} is its real length. */
public record CatalogSequence(String slug, String title, int minutes, int computedSeconds) {}
