package org.yogaflow.account.mail;

/** Sends an email, or fails with {@link MailException}. */
public interface Mailer {
    void send(Email email);
}
