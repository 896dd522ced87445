package org.yogaflow.account.mail;

/** Sending an email failed; the message names the transport, never the email's content. */
public final class MailException extends RuntimeException {
    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
