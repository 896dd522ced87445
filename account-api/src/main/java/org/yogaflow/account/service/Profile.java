package org.yogaflow.account.service;

import java.time.Instant;

/** What {@code GET /me} shows of an account. */
public record Profile(long id, String email, String displayName, boolean emailVerified, Instant createdAt) {}
