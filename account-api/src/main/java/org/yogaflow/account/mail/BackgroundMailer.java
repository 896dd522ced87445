package org.yogaflow.account.mail;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through another mailer on one background thread, so an HTTP answer never waits for
 * (or reveals by its timing) whether an email was sent. Failures are logged without the
 * content: emails carry tokens. {@link #close} sends what is queued before returning.
 */
public final class BackgroundMailer implements Mailer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundMailer.class);

    private final Mailer target;
    private final ThreadPoolExecutor executor;

    public BackgroundMailer(Mailer target) {
        this.target = target;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "mailer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void send(Email email) {
        try {
            executor.execute(() -> {
                try {
                    target.send(email);
                } catch (RuntimeException e) {
                    LOG.error("email '{}' not sent: {}", email.subject(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.error("email '{}' dropped: the mail queue is full", email.subject());
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("{} queued emails not sent at shutdown", executor.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
