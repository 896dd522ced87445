package org.yogaflow.account.service;

import java.time.Instant;

/** A logged practice session as the API shows it. */
public record PracticeSession(long id, String sequence, int durationSeconds, boolean completed, Instant startedAt,
                              String notes, Instant createdAt) {}
