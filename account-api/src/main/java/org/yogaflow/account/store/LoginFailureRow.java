package org.yogaflow.account.store;

/** A row of {@code login_failures}: consecutive failures for one email, and the lock if any. */
public record LoginFailureRow(String email, int failures, Long lockedUntil, long updatedAt) {}
