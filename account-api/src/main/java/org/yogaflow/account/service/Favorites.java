package org.yogaflow.account.service;

import java.util.List;

/** A user's favorite pose and sequence slugs, sorted. */
public record Favorites(List<String> poses, List<String> sequences) {}
