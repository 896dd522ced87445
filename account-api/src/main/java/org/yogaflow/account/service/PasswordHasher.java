package org.yogaflow.account.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * bcrypt on a bounded pool: at most {@code threads} hashes run at once and at most
 * {@code queue} wait; beyond that callers get {@link Failure#BUSY} at once, so a flood of
 * logins cannot take every request thread (or every core) from the rest of the API.
 *
 * <p>bcrypt reads only the first 72 bytes of its input. Rather than truncate silently, every
 * password is first reduced to a fixed 44-byte string: base64(HMAC-SHA256(key, NFC(password)))
 * with a constant, application-specific key. Every byte of a password up to the policy's 128
 * characters (up to 512 bytes of UTF-8) therefore counts; base64 avoids the NUL bytes that a
 * raw digest could contain; the HMAC key keeps our bcrypt inputs from matching plain SHA-256
 * hashes leaked elsewhere ("password shucking").
 */
public final class PasswordHasher implements AutoCloseable {

    private static final byte[] PREHASH_KEY = "yogaflow/account-api/bcrypt-prehash/v1".getBytes(StandardCharsets.US_ASCII);

    private final int cost;
    private final ThreadPoolExecutor pool;
    /** A real hash of a random string, verified against for unknown emails so timing matches. */
    private final String dummyHash;

    public PasswordHasher(int cost, int threads, int queue) {
        this.cost = cost;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "bcrypt-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.dummyHash = new String(BCrypt.withDefaults().hash(cost, prehash(java.util.UUID.randomUUID().toString())),
                StandardCharsets.US_ASCII);
    }

    public String hash(String password) {
        byte[] input = prehash(password);
        return run(() -> new String(BCrypt.withDefaults().hash(cost, input), StandardCharsets.US_ASCII));
    }

    public boolean verify(String password, String hash) {
        byte[] input = prehash(password);
        return run(() -> BCrypt.verifyer().verify(input, hash.getBytes(StandardCharsets.US_ASCII)).verified);
    }

    /** Spends the time of one verification, for a login whose email has no account. */
    public void burn(String password) {
        verify(password, dummyHash);
    }

    static byte[] prehash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PREHASH_KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(PasswordPolicy.normalize(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encode(digest); // 44 ASCII bytes, well under 72
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private <T> T run(Callable<T> work) {
        Future<T> future;
        try {
            future = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw new ServiceException(Failure.BUSY, "Too many sign-ins at once; try again in a moment.",
                    java.util.Map.of(), Duration.ofSeconds(1));
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bcrypt failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
