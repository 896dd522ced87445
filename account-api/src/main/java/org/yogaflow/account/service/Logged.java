package org.yogaflow.account.service;

/** The result of logging a session: {@code created} is false for a retry with the same key. */
public record Logged(PracticeSession session, boolean created) {}
