package org.yogaflow.generator.publish;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes for file names, so a CDN may cache every asset forever. */
public final class Fingerprint {

    private static final int LENGTH = 10;

    private Fingerprint() {}

    /** The first 10 hex digits of the SHA-256 of {@code bytes}. */
    public static String of(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** {@code css/site.css} with hash {@code ab12} becomes {@code css/site.ab12.css}. */
    public static String name(String path, String hash) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1) return path + "." + hash;
        return path.substring(0, dot) + "." + hash + path.substring(dot);
    }
}
