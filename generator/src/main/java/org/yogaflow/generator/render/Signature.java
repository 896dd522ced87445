package org.yogaflow.generator.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.content.Sequence;

/**
 * Signatures of what an output is made from: a hash of its inputs' values. Records print every
 * component in a fixed order, so their text is a faithful fingerprint of what a template can see.
 */
final class Signature {

    private Signature() {}

    /** SHA-256 (hex) of the parts' text, each part delimited so that ("ab","c") ≠ ("a","bc"). */
    static String of(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** A pose's content without where it was written (positions move with every edit above them). */
    static String content(Pose pose) {
        return withoutOrigin(pose.toString());
    }

    static String content(Sequence sequence) {
        return withoutOrigin(sequence.toString());
    }

    private static String withoutOrigin(String text) {
        int origin = text.lastIndexOf(", origin=Origin[");
        return origin < 0 ? text : text.substring(0, origin);
    }
}
