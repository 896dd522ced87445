package org.yogaflow.account.store;

/** How many rows name a slug. */
public record SlugCount(String slug, long count) {}
