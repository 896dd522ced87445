package org.yogaflow.account.service;

import java.time.Instant;

/** Who made a request: the user of a verified access token, with the token's id, expiry and issue time. */
public record Principal(long userId, String tokenId, Instant expiresAt, long issuedAtMillis) {}
