package org.yogaflow.generator.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sksamuel.scrimage.ImmutableImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;

/** Photo renditions and their cache, through real builds of the fixture site. */
class PhotoBuildTest {

    @TempDir
    Path tmp;

    private Path content;
    private Path out;

    /** The fixture site with mountain.md's photo replaced by {@code photo} (a file name in photos/). */
    private void site(String photo, byte[] bytes) throws IOException {
        content = TestSites.copySite("valid", tmp);
        out = tmp.resolve("public");
        Files.delete(content.resolve("photos/mountain.png"));
        Files.write(content.resolve("photos/" + photo), bytes);
        Path mountain = content.resolve("poses/mountain.md");
        Files.writeString(mountain, Files.readString(mountain).replace("photo: mountain.png", "photo: " + photo));
    }

    private TestSites.Run build(String... extra) {
        return TestSites.build(content, out, extra);
    }

    /** A JPEG with a left half red and a right half blue, optionally with an EXIF orientation. */
    static byte[] jpeg(int width, int height, int orientation) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", bytes);
        byte[] plain = bytes.toByteArray();
        if (orientation == 0) return plain;
        // An APP1 Exif segment right after SOI: a little-endian TIFF header and one IFD entry,
        // Orientation (0x0112), SHORT, 1 value.
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0,
                0, 0, 0, 0};
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.length;
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(plain, 0, 2);
        withExif.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        withExif.write(exif);
        withExif.write(tiff);
        withExif.write(plain, 2, plain.length - 2);
        return withExif.toByteArray();
    }

    private List<String> renditions() {
        return TestSites.files(out).stream().filter(f -> f.startsWith("images/")).toList();
    }

    private static int[] summary(TestSites.Run run) {
        Matcher m = Pattern.compile("images: (\\d+) sources, (\\d+) renditions \\((\\d+) encoded, (\\d+) cached\\)")
                .matcher(run.out());
        assertTrue(m.find(), run.out());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4))};
    }

    @Test
    void makesThreeWebpWidthsKeepingTheAspectRatio() throws IOException {
        site("wide.jpg", jpeg(1600, 1000, 0));
        TestSites.Run run = build();
        assertEquals(ExitCodes.OK, run.code(), run.err());

        List<String> files = renditions();
        assertEquals(3, files.size(), files.toString());
        for (int width : new int[] {200, 600, 1200}) {
            String file = files.stream().filter(f -> f.startsWith("images/mountain-" + width + ".")).findFirst().orElseThrow();
            assertTrue(file.matches("images/mountain-" + width + "\\.[0-9a-f]{20}\\.webp"), file);
            byte[] bytes = Files.readAllBytes(out.resolve(file));
            assertEquals("RIFF", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
            assertEquals("WEBP", new String(bytes, 8, 4, StandardCharsets.ISO_8859_1));
            ImmutableImage decoded = ImmutableImage.loader().fromBytes(bytes);
            assertEquals(width, decoded.width);
            assertEquals(Math.round(width * 1000 / 1600.0), decoded.height);
        }
        // Pages: srcset, sizes and the intrinsic size of the chosen src, for no layout shift.
        String page = Files.readString(out.resolve("poses/mountain/index.html"));
        assertTrue(page.matches("(?s).*<img src=\"/images/mountain-1200\\.[0-9a-f]{20}\\.webp\" srcset=\"/images/mountain-200\\.[0-9a-f]{20}\\.webp 200w, "
                + "/images/mountain-600\\.[0-9a-f]{20}\\.webp 600w, /images/mountain-1200\\.[0-9a-f]{20}\\.webp 1200w\" "
                + "sizes=\"[^\"]+\" width=\"1200\" height=\"750\" alt=\"A figure standing tall[^\"]*\" decoding=\"async\">.*"), page);
        String library = Files.readString(out.resolve("poses/index.html"));
        assertTrue(library.matches("(?s).*<img class=\"card-image\" src=\"/images/mountain-600\\.[0-9a-f]{20}\\.webp\" "
                + "srcset=\"/images/mountain-200\\.[0-9a-f]{20}\\.webp 200w, /images/mountain-600\\.[0-9a-f]{20}\\.webp 600w\" "
                + "sizes=\"[^\"]+\" width=\"600\" height=\"375\".*"), library);
        String catalog = Files.readString(out.resolve("api/catalog.json"));
        assertTrue(catalog.contains("\"renditions\":[{\"url\":\"http://localhost:8080/images/mountain-200."), catalog);
    }

    @Test
    void transparencyOfAPngIsKept() throws IOException {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 200, 300); // the right half stays fully transparent
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        site("cutout.png", png.toByteArray());
        assertEquals(ExitCodes.OK, build().code());

        String file = renditions().stream().filter(f -> f.startsWith("images/mountain-400.")).findFirst().orElseThrow();
        ImmutableImage webp = ImmutableImage.loader().fromBytes(Files.readAllBytes(out.resolve(file)));
        assertEquals(0, webp.pixel(300, 150).alpha(), "transparent stays transparent");
        assertEquals(255, webp.pixel(100, 150).alpha());
        assertTrue(webp.pixel(100, 150).green() > 200);
    }

    @Test
    void aSmallPhotoIsNeverUpscaled() throws IOException {
        site("small.jpg", jpeg(450, 300, 0));
        assertEquals(ExitCodes.OK, build().code());
        assertEquals(List.of(200, 450), renditions().stream()
                .map(f -> Integer.parseInt(f.replaceAll("images/mountain-(\\d+)\\..*", "$1"))).sorted().toList());
    }

    @Test
    void exifOrientationIsAppliedAndMetadataDropped() throws IOException {
        // Stored 800×400 with "rotate 90° clockwise to view": the photo is 400 wide, 800 tall.
        site("turned.jpg", jpeg(800, 400, 6));
        TestSites.Run run = build();
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals(2, renditions().size(), renditions().toString()); // 200 and its own 400
        String file = renditions().stream().filter(f -> f.startsWith("images/mountain-400.")).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(out.resolve(file));
        ImmutableImage upright = ImmutableImage.loader().fromBytes(bytes);
        assertEquals(400, upright.width);
        assertEquals(800, upright.height);
        // The stored left half (red) is the top once turned.
        Color top = upright.pixel(200, 100).toColor().awt();
        Color bottom = upright.pixel(200, 700).toColor().awt();
        assertTrue(top.getRed() > 200 && top.getBlue() < 80, "top " + top);
        assertTrue(bottom.getBlue() > 200 && bottom.getRed() < 80, "bottom " + bottom);
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("EXIF"), "metadata was copied");
        assertTrue(Files.readString(out.resolve("poses/mountain/index.html")).contains("width=\"400\" height=\"800\""));
    }

    @Test
    void aRebuildEncodesNothingAndAChangedPhotoOnlyItsOwnRenditions() throws IOException {
        site("wide.jpg", jpeg(1600, 1000, 0));
        Files.write(content.resolve("photos/other.jpg"), jpeg(1300, 1000, 0));
        Path tree = content.resolve("poses/tree.md");
        Files.writeString(tree, Files.readString(tree)
                .replaceFirst("\nrelated:", "\nphoto: other.jpg\nphoto_alt: A figure on one leg\nrelated:"));

        assertEquals(List.of(2, 6, 6, 0), List.of(summaryOf(build())));
        assertTrue(build().out().contains("is up to date")); // nothing changed: nothing done
        // Without the published site, every rendition comes from the cache.
        deleteTree(out);
        assertEquals(List.of(2, 6, 0, 6), List.of(summaryOf(build())));

        Files.write(content.resolve("photos/other.jpg"), jpeg(1300, 900, 0));
        TestSites.Run changed = build();
        assertEquals(List.of(2, 6, 3, 3), List.of(summaryOf(changed)));
        assertTrue(Files.readString(out.resolve("poses/tree/index.html")).contains("width=\"1200\" height=\"831\""));
    }

    @Test
    void aDeletedPhotosRenditionsLeaveTheSiteAndTheCache() throws IOException {
        site("wide.jpg", jpeg(1600, 1000, 0));
        assertEquals(ExitCodes.OK, build().code());
        Path cache = tmp.resolve(".yogaflow-cache/renditions");
        assertEquals(3, count(cache));

        Path mountain = content.resolve("poses/mountain.md");
        Files.writeString(mountain, Files.readString(mountain).replaceAll("photo(_alt)?: .*\n", ""));
        Files.delete(content.resolve("photos/wide.jpg"));
        TestSites.Run run = build();
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals(List.of(), renditions());
        assertEquals(0, count(cache));
    }

    @Test
    void changingTheQualityEncodesEverythingAgain() throws IOException {
        site("wide.jpg", jpeg(1600, 1000, 0));
        assertEquals(ExitCodes.OK, build().code());
        List<String> before = renditions();
        TestSites.Run run = build("--photo-quality", "60");
        assertEquals(List.of(1, 3, 3, 0), List.of(summaryOf(run)));
        assertTrue(renditions().stream().noneMatch(before::contains), "names must change with the settings");
    }

    @Test
    void aDamagedCacheEntryIsEncodedAgainAndNeverPublished() throws IOException {
        site("wide.jpg", jpeg(1600, 1000, 0));
        assertEquals(ExitCodes.OK, build().code());
        Path cache = tmp.resolve(".yogaflow-cache/renditions");
        Path entry;
        try (Stream<Path> entries = Files.list(cache)) {
            entry = entries.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(entry, bytes);
        deleteTree(out); // so that the renditions come from the cache, not from the published site

        TestSites.Run run = build();
        assertEquals(List.of(1, 3, 1, 2), List.of(summaryOf(run)));
        for (String file : renditions()) {
            byte[] published = Files.readAllBytes(out.resolve(file));
            assertFalse(java.util.Arrays.equals(bytes, published), file + " is the damaged entry");
            ImmutableImage.loader().fromBytes(published); // decodes
        }
    }

    @Test
    void aPhotoThatCannotBeDecodedIsAContentErrorAndNothingIsPublished() throws IOException {
        // A complete PNG (signature, header, IEND: validation passes) whose compressed pixels are noise.
        BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] bytes = png.toByteArray();
        int idat = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("IDAT");
        for (int i = idat + 4; i < bytes.length - 20; i++) bytes[i] = (byte) 0xAA;
        site("noise.png", bytes);

        TestSites.Run run = build();
        assertEquals(ExitCodes.INVALID_CONTENT, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("content/poses/mountain.md:14:8: error: photo 'noise.png' cannot be decoded"),
                run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void oversizedAndUnsupportedFilesAreRefused() throws IOException {
        site("wide.jpg", jpeg(1600, 1000, 0));
        TestSites.Run big = build("--max-photo-mb", "0.001");
        assertEquals(ExitCodes.INVALID_CONTENT, big.code());
        assertTrue(big.err().contains("content/poses/mountain.md:14:8: error: content/photos/wide.jpg: the file is too large ("),
                big.err());
        assertFalse(Files.exists(out));

        site("anim.gif", "GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1));
        TestSites.Run gif = build();
        assertEquals(ExitCodes.INVALID_CONTENT, gif.code());
        assertTrue(gif.err().contains("error: content/photos/anim.gif: unsupported image type (.gif files are not accepted)"),
                gif.err());
    }

    private static Integer[] summaryOf(TestSites.Run run) {
        assertEquals(ExitCodes.OK, run.code(), run.err());
        int[] s = summary(run);
        return new Integer[] {s[0], s[1], s[2], s[3]};
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".webp")).count();
        }
    }
}
