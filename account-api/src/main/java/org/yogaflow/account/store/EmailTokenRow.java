package org.yogaflow.account.store;

/** A row of {@code email_tokens}: purpose is "verify" or "reset". */
public record EmailTokenRow(String tokenHash, long userId, String purpose, long expiresAt, Long usedAt, long createdAt) {}
