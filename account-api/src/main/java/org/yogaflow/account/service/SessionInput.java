package org.yogaflow.account.service;

import java.time.Instant;

/** A session to log; {@code startedAt} null means "now", {@code notes} may be null. */
public record SessionInput(String sequence, int durationSeconds, boolean completed, Instant startedAt, String notes) {}
