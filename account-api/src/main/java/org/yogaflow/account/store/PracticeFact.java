package org.yogaflow.account.store;

/** The columns of a session that progress and achievements need, read from an index alone. */
public record PracticeFact(long startedAt, int durationSeconds, boolean completed, String sequence) {}
