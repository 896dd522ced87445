package org.yogaflow.account.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** Builds the MIME message shared by the outbox and SMTP mailers. */
final class Messages {

    private Messages() {}

    static MimeMessage mime(Session session, String from, Email email) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to()));
        message.setSubject(email.subject(), "UTF-8");
        message.setText(email.text(), "UTF-8");
        message.setSentDate(new Date());
        message.saveChanges();
        return message;
    }

    static Session offline() {
        return Session.getInstance(new Properties());
    }
}
