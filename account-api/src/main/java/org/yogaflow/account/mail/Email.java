package org.yogaflow.account.mail;

/** One plain-text email to one recipient. */
public record Email(String to, String subject, String text) {}
