package org.yogaflow.account.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which passwords we accept (OWASP ASVS 2.1.1, 2.1.2, 2.1.7): 12 to 128 characters (Unicode
 * code points, after NFC normalization), not one of the ~50,000 common passwords in
 * {@code common-passwords.txt} (compared case-insensitively), and not the email address or its
 * local part. No composition rules: any character is allowed, spaces included.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The policy with the list shipped in this jar. */
    public static PasswordPolicy shipped() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the jar");
            }
            Set<String> words = new HashSet<>(65_536);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    words.add(line);
                }
            }
            return new PasswordPolicy(Set.copyOf(words));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int commonPasswords() {
        return common.size();
    }

    /** What is wrong with {@code password} for the account {@code email}, if anything. */
    public Optional<String> problem(String password, String email) {
        String p = normalize(password);
        int length = p.codePointCount(0, p.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("This password is too common; choose one that is hard to guess.");
        }
        if (email != null) {
            String e = email.strip().toLowerCase(Locale.ROOT);
            int at = e.indexOf('@');
            if (lower.strip().equals(e) || (at > 0 && lower.strip().equals(e.substring(0, at)))) {
                return Optional.of("Do not use your email address as your password.");
            }
        }
        return Optional.empty();
    }

    /** NFC, so the same password typed on two keyboards gives the same bytes. */
    static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC);
    }
}
