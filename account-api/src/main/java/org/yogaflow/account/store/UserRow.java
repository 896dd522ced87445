package org.yogaflow.account.store;

/** A row of {@code users}; times are epoch milliseconds. */
public record UserRow(long id, String email, String displayName, String passwordHash, Long emailVerifiedAt,
                      long tokensValidAfter, long createdAt) {}
