package org.yogaflow.generator.cache;

import java.util.HexFormat;
import java.util.List;

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
        long[] lanes = {0xcbf29ce484222325L, 0x84222325cbf29ce4L};
        for (Object part : parts) {
            if (part == null) {
                feed(lanes, "\ufffe"); // distinct from the text "null"
                continue;
            }
            if (part instanceof List<?> list) {
                // The list's text ("[a, b]"), element by element: a list of ten thousand hashes
                // need not become one large string first.
                feed(lanes, "[");
                String separator = "";
                for (Object item : list) {
                    feed(lanes, separator);
                    feed(lanes, item == list ? "(this Collection)" : String.valueOf(item));
                    separator = ", ";
                }
                feed(lanes, "]");
            } else {
                feed(lanes, String.valueOf(part));
            }
            feed(lanes, "\uffff"); // the delimiter: not a char a String can hold alone here
        }
        return HexFormat.of().toHexDigits(mix(lanes[0])) + HexFormat.of().toHexDigits(mix(lanes[1]));
    }

    /** Two FNV-1a lanes over the characters of {@code text}. */
    private static void feed(long[] lanes, String text) {
        long a = lanes[0];
        long b = lanes[1];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            a = (a ^ c) * 0x100000001b3L;
            b = (b ^ c) * 0x100000001b3L + 0x9e3779b97f4a7c15L;
        }
        lanes[0] = a;
        lanes[1] = b;
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
