package org.yogaflow.generator.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The image formats the site accepts, recognised by their first bytes, not their name. */
public enum ImageType {
    JPEG, PNG, WEBP;

    public static Optional<ImageType> of(Path file) {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Optional.of(PNG);
        }
        if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * Whether the file ends the way a complete image of this type ends: a JPEG's end-of-image
     * marker, a PNG's IEND chunk, a WebP's RIFF length. A truncated upload fails this without
     * decoding a pixel (decoders often fill the missing part with grey instead of failing).
     */
    public boolean isComplete(Path file) {
        try {
            long size = Files.size(file);
            byte[] tail = new byte[(int) Math.min(size, 64)];
            try (var channel = Files.newByteChannel(file)) {
                channel.position(size - tail.length);
                var buffer = java.nio.ByteBuffer.wrap(tail);
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) { }
            }
            return switch (this) {
                case JPEG -> indexOf(tail, new byte[] {(byte) 0xFF, (byte) 0xD9}) >= 0;
                case PNG -> indexOf(tail, new byte[] {'I', 'E', 'N', 'D'}) >= 0;
                case WEBP -> {
                    byte[] head = new byte[8];
                    try (InputStream in = Files.newInputStream(file)) {
                        if (in.readNBytes(head, 0, 8) < 8) yield false;
                    }
                    long riff = (head[4] & 0xffL) | (head[5] & 0xffL) << 8 | (head[6] & 0xffL) << 16 | (head[7] & 0xffL) << 24;
                    yield riff + 8 <= size;
                }
            };
        } catch (IOException e) {
            return false;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
