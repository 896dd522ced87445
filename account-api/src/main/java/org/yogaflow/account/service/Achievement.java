package org.yogaflow.account.service;

import java.time.Instant;

/** One of the fixed achievements; {@code earnedAt} is null until it is earned. */
public record Achievement(String id, String title, Instant earnedAt) {}
