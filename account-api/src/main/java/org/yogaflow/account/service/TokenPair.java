package org.yogaflow.account.service;

/** What login and refresh return; {@code expiresIn} is the access token's lifetime in seconds. */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {}
