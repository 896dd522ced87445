package org.yogaflow.generator.cache;

import java.util.HexFormat;

/**
 * Signatures of what an output is made from: a hash of its inputs' values. Records print every
 * component in a fixed order, so their text is a faithful fingerprint of what a template can see.
 * (Unordered maps must not be part of one: {@code Map.of} iterates in a different order in every JVM.)
 */
public final class Signature {

    private Signature() {}

    /**
     * A 128-bit hash (hex) of the parts' text, each part delimited so that ("ab","c") ≠ ("a","bc").
     * Two independent 64-bit FNV-1a lanes: not cryptographic (nobody forges these), but an
     * accidental collision between a page's old and new inputs is out of reach, and it costs a
     * fraction of SHA-256, which matters for ten thousand pages on a compiler without intrinsics.
     */
    public static String of(Object... parts) {
        long a = 0xcbf29ce484222325L;
        long b = 0x84222325cbf29ce4L;
        for (Object part : parts) {
            if (part == null) { // distinct from the text "null"
                a = (a ^ 0xfffe) * 0x100000001b3L;
                b = (b ^ 0xfffe) * 0x100000001b3L + 0x9e3779b97f4a7c15L;
                continue;
            }
            String text = String.valueOf(part);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                a = (a ^ c) * 0x100000001b3L;
                b = (b ^ c) * 0x100000001b3L + 0x9e3779b97f4a7c15L;
            }
            a = (a ^ 0xffff) * 0x100000001b3L; // the delimiter: not a char a String can hold alone here
            b = (b ^ 0xffff) * 0x100000001b3L + 0x9e3779b97f4a7c15L;
        }
        return HexFormat.of().toHexDigits(mix(a)) + HexFormat.of().toHexDigits(mix(b));
    }

    /** The same kind of hash of raw bytes (a file's content): a plain loop over an array is the cheapest to run. */
    public static String ofBytes(byte[] bytes) {
        long a = 0xcbf29ce484222325L;
        long b = 0x84222325cbf29ce4L;
        for (byte x : bytes) {
            a = (a ^ (x & 0xff)) * 0x100000001b3L;
            b = (b ^ (x & 0xff)) * 0x100000001b3L + 0x9e3779b97f4a7c15L;
        }
        return HexFormat.of().toHexDigits(mix(a)) + HexFormat.of().toHexDigits(mix(b));
    }

    /** Spreads every input bit over the whole value (MurmurHash3's finalizer). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
