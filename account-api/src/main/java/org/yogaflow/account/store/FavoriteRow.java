package org.yogaflow.account.store;

/** A row of {@code favorites}: kind is "pose" or "sequence". */
public record FavoriteRow(String kind, String slug) {}
