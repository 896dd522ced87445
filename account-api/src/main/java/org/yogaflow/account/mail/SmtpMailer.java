package org.yogaflow.account.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Properties;

/** Production mailer: hands each email to an SMTP relay (STARTTLS, TLS or plain). */
public final class SmtpMailer implements Mailer {

    private final Session session;
    private final String from;
    private final String user;
    private final String password;
    private final String where;

    /** {@code tls} is "starttls" (required, not opportunistic), "ssl" or "none". */
    public SmtpMailer(String host, int port, String user, String password, String tls, String from) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        p.put("mail.smtp.auth", Boolean.toString(user != null));
        switch (tls) {
            case "starttls" -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "ssl" -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            default -> { }
        }
        this.session = Session.getInstance(p);
        this.from = from;
        this.user = user;
        this.password = password;
        this.where = host + ":" + port;
    }

    @Override
    public void send(Email email) {
        try {
            if (user != null) {
                Transport.send(Messages.mime(session, from, email), user, password);
            } else {
                Transport.send(Messages.mime(session, from, email));
            }
        } catch (MessagingException e) {
            throw new MailException("SMTP relay " + where + " refused or failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
