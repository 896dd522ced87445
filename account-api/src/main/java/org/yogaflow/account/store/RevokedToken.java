package org.yogaflow.account.store;

/** An access token id revoked before its expiry (epoch milliseconds). */
public record RevokedToken(String jti, long expiresAt) {}
