package org.yogaflow.account.store;

/** A row of {@code refresh_tokens}. */
public record RefreshTokenRow(String tokenHash, String familyId, long userId, long expiresAt, Long usedAt,
                              Long revokedAt, long createdAt) {}
