package org.yogaflow.account.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Development mailer: writes each email as an {@code .eml} file into an outbox folder, where any
 * mail client (or {@code cat}) can open it. Files are named so they sort in sending order, and
 * land by rename so a reader never sees half a file.
 */
public final class OutboxMailer implements Mailer {

    private final Path dir;
    private final String from;
    private final Session session = Messages.offline();
    private final AtomicLong sequence = new AtomicLong();

    public OutboxMailer(Path dir, String from) {
        this.dir = dir;
        this.from = from;
    }

    @Override
    public void send(Email email) {
        try {
            Files.createDirectories(dir);
            String name = String.format("%d-%06d-%s.eml", System.currentTimeMillis(), sequence.incrementAndGet(),
                    UUID.randomUUID().toString().substring(0, 8));
            Path tmp = dir.resolve("." + name + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                Messages.mime(session, from, email).writeTo(out);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailException("could not write to the outbox " + dir, e);
        }
    }
}
