package org.yogaflow.account.store;

/** A row of {@code practice_sessions}; times are epoch milliseconds. */
public record SessionRow(long id, long userId, String sequence, int durationSeconds, boolean completed,
                         long startedAt, String notes, long createdAt, String idempotencyKey, String requestHash) {}
