package org.yogaflow.generator.images;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads an image's pixel size from its header, without decoding the pixels. */
public final class ImageInfo {

    public record Size(int width, int height) {}

    private ImageInfo() {}

    /** The size of a JPEG, PNG or WebP file, or empty when the header cannot be read. */
    public static Optional<Size> size(Path file) {
        try {
            Optional<Size> webp = webpSize(file);
            if (webp.isPresent()) return webp;
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                if (in == null) return Optional.empty();
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) return Optional.empty();
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** WebP has no ImageIO reader in the JDK; its three header variants are simple to read. */
    private static Optional<Size> webpSize(Path file) throws IOException {
        byte[] head = new byte[30];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < 30 || !new String(head, 0, 4, US_ASCII).equals("RIFF")
                || !new String(head, 8, 4, US_ASCII).equals("WEBP")) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        String chunk = new String(head, 12, 4, US_ASCII);
        return switch (chunk) {
            case "VP8X" -> Optional.of(new Size(1 + uint24(head, 24), 1 + uint24(head, 27)));
            case "VP8 " -> Optional.of(new Size(b.getShort(26) & 0x3FFF, b.getShort(28) & 0x3FFF));
            case "VP8L" -> {
                int bits = b.getInt(21);
                yield Optional.of(new Size((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1));
            }
            default -> Optional.empty();
        };
    }

    private static int uint24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
