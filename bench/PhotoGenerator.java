import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes deterministic, photo-like JPEGs for the photo benchmark: soft light gradients, shapes
 * with blurred edges and sensor-like grain, so that they compress (and cost to encode) like
 * camera photos rather than like flat test patterns.
 *
 *   java bench/PhotoGenerator.java COUNT WIDTH HEIGHT OUT_DIR
 */
public class PhotoGenerator {

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        for (int n = 0; n < count; n++) {
            Path file = out.resolve(String.format("photo-%03d.jpg", n + 1));
            if (Files.exists(file)) continue;
            write(image(width, height, new Random(1000 + n)), file);
        }
    }

    static BufferedImage image(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, color(random, 120), width, height, color(random, 60)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 60; i++) {
            Color c = color(random, 40 + random.nextInt(160));
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40 + random.nextInt(120)));
            int w = width / 20 + random.nextInt(width / 3);
            int h = height / 20 + random.nextInt(height / 3);
            int x = random.nextInt(width) - w / 2;
            int y = random.nextInt(height) - h / 2;
            if (random.nextBoolean()) g.fillOval(x, y, w, h); else g.fillRoundRect(x, y, w, h, w / 4, h / 4);
        }
        g.dispose();
        // Grain: a little noise on every pixel, as a camera sensor leaves.
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int v = pixels[i];
            int noise = random.nextInt(13) - 6;
            pixels[i] = clamp(((v >> 16) & 0xff) + noise) << 16 | clamp(((v >> 8) & 0xff) + noise) << 8
                    | clamp((v & 0xff) + noise);
        }
        return image;
    }

    private static Color color(Random random, int brightness) {
        return new Color(clamp(brightness + random.nextInt(96)), clamp(brightness + random.nextInt(96)),
                clamp(brightness + random.nextInt(96)));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static void write(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        Files.move(temp, file);
    }
}
