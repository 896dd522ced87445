package org.yogaflow.generator.images;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * libwebp's {@code cwebp}, the build that scrimage-webp ships, fed raw pixels (PPM, or PAM with
 * alpha) through a pipe. Scrimage's own writer first encodes a PNG and goes through temporary
 * files, which costs more than the WebP encoding itself; raw pixels cost next to nothing.
 * The binary is unpacked once into the cache folder (scrimage's writer would unpack a copy into
 * the temp folder on every run, and leave it there).
 */
final class Cwebp {

    private static final String VERSION = "libwebp-1.4.0";
    private static final long TIMEOUT_SECONDS = 120;

    private Cwebp() {}

    /** The cwebp binary in {@code dir}, unpacked from scrimage-webp's jar when missing. */
    static synchronized Path install(Path dir) throws IOException {
        Path bin = dir.resolve(VERSION);
        Path cwebp = bin.resolve(executable("cwebp"));
        if (!Files.isExecutable(cwebp)) {
            Files.createDirectories(bin);
            String resource = "/dist_webp_binaries/" + VERSION + "-" + platform() + "/bin/" + executable("cwebp");
            try (InputStream in = Cwebp.class.getResourceAsStream(resource)) {
                if (in == null) throw new IOException("no cwebp for this platform (" + resource + ")");
                Path temp = Files.createTempFile(bin, "cwebp", ".tmp");
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                if (!temp.toFile().setExecutable(true)) throw new IOException("cannot make " + temp + " executable");
                Files.move(temp, cwebp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return cwebp;
    }

    /** Encodes {@code image} as lossy WebP at {@code quality}, without metadata. */
    static byte[] encode(Path cwebp, BufferedImage image, int quality, int method) throws IOException {
        Process process = new ProcessBuilder(cwebp.toString(), "-quiet", "-q", String.valueOf(quality), "-m",
                String.valueOf(method), "-metadata", "none", "-o", "-", "--", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (OutputStream in = process.getOutputStream()) {
            in.write(pixels(image));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IOException("cwebp stopped reading: " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("cwebp took more than " + TIMEOUT_SECONDS + " s");
            }
            byte[] webp = output.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (process.exitValue() != 0 || webp.length < 12) {
                throw new IOException("cwebp failed (exit code " + process.exitValue() + ")");
            }
            return webp;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("cannot read cwebp's output", e);
        }
    }

    /** The image as PPM (RGB) or, when it has transparency, as PAM (RGB_ALPHA). */
    static byte[] pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        int[] argb = image.getType() == BufferedImage.TYPE_INT_ARGB || image.getType() == BufferedImage.TYPE_INT_RGB
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
                : image.getRGB(0, 0, w, h, null, 0, w);
        String header = alpha
                ? "P7\nWIDTH " + w + "\nHEIGHT " + h + "\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n"
                : "P6\n" + w + " " + h + "\n255\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        int channels = alpha ? 4 : 3;
        byte[] out = new byte[head.length + w * h * channels];
        System.arraycopy(head, 0, out, 0, head.length);
        int o = head.length;
        for (int i = 0; i < w * h; i++) {
            int p = argb[i];
            out[o++] = (byte) (p >> 16);
            out[o++] = (byte) (p >> 8);
            out[o++] = (byte) p;
            if (alpha) out[o++] = (byte) (p >>> 24);
        }
        return out;
    }

    private static String platform() throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean arm = arch.startsWith("aarch64") || arch.startsWith("arm");
        if (os.contains("linux")) return arm ? "linux-aarch64" : "linux-x86-64";
        if (os.contains("mac")) return arm ? "mac-arm64" : "mac-x86-64";
        if (os.contains("win")) return "windows-x64";
        throw new IOException("no WebP encoder for " + os + " " + arch);
    }

    private static String executable(String tool) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? tool + ".exe" : tool;
    }
}
