package org.yogaflow.illustrator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureRendererTest {

    /** Nothing may be drawn this close to the edge of the picture. */
    static final int MARGIN = 40;

    static Map<String, Figure> figures;

    @BeforeAll
    static void load() throws IOException {
        figures = FiguresTest.figures();
    }

    @Test
    void theSameFigureGivesIdenticalBytesWithoutMetadata() {
        figures.forEach((slug, figure) -> {
            byte[] first = FigureRenderer.png(figure);
            byte[] second = FigureRenderer.png(figure);
            assertArrayEquals(first, second, slug);
            assertEquals(List.of("IHDR", "IDAT", "IEND"), chunkTypes(first).stream().distinct().toList(), slug);
            assertTrue(first.length < 60 * 1024, slug + " is " + first.length + " bytes");
        });
    }

    @Test
    void differentFiguresGiveDifferentPictures() {
        assertFalse(java.util.Arrays.equals(FigureRenderer.png(figures.get("cat")), FigureRenderer.png(figures.get("cow"))));
    }

    @Test
    void everyFigureStaysInsideThePictureWithAMargin() throws IOException {
        for (Map.Entry<String, Figure> entry : figures.entrySet()) {
            String slug = entry.getKey();
            Rectangle2D bounds = FigureRenderer.place(entry.getValue()).bounds();
            assertTrue(bounds.getMinX() >= MARGIN && bounds.getMinY() >= MARGIN
                    && bounds.getMaxX() <= FigureRenderer.WIDTH - MARGIN
                    && bounds.getMaxY() <= FigureRenderer.HEIGHT - MARGIN, slug + ": " + bounds);

            // The drawn pixels too: the band along the edges is plain background.
            BufferedImage image = decode(FigureRenderer.png(entry.getValue()));
            assertEquals(FigureRenderer.WIDTH, image.getWidth(), slug);
            assertEquals(FigureRenderer.HEIGHT, image.getHeight(), slug);
            int background = FigureRenderer.BACKGROUND.getRGB();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    boolean edge = x < MARGIN || y < MARGIN || x >= image.getWidth() - MARGIN || y >= image.getHeight() - MARGIN;
                    if (edge && image.getRGB(x, y) != background) {
                        throw new AssertionError(slug + ": drawn pixel at " + x + "," + y + " inside the margin");
                    }
                }
            }
        }
    }

    @Test
    void everyNamedSupportTouchesTheFloorAndNothingSinksBelowIt() {
        figures.forEach((slug, figure) -> {
            if (figure.view() == Figure.View.TOP) return;
            FigureRenderer.Placement placement = FigureRenderer.place(figure);
            assertFalse(placement.groundGaps().isEmpty(), slug);
            assertEquals(List.of(), Illustrator.warnings(placement), slug);
            placement.groundGaps().forEach((region, gap) ->
                    assertTrue(gap >= -0.5 && gap <= Illustrator.TOUCH_TOLERANCE * placement.scale(), slug + " " + region + " " + gap));
        });
    }

    @Test
    void theFigureVisiblyRestsOnTheMatLine() {
        figures.forEach((slug, figure) -> {
            if (figure.view() == Figure.View.TOP) return;
            FigureRenderer.Placement placement = FigureRenderer.place(figure);
            BufferedImage image = FigureRenderer.draw(figure);
            int floor = (int) placement.floorY();
            assertTrue(countFigurePixels(image, floor - 3) > 0, slug + ": nothing drawn just above the mat line");
            for (int y = floor + 20; y < image.getHeight(); y++) {
                assertEquals(0, countFigurePixels(image, y), slug + ": figure drawn below the mat at row " + y);
            }
        });
    }

    @Test
    void theChecksNoticeAFloatingSupportAndAPartBelowTheFloor() {
        Figure mountain = figures.get("mountain");
        List<String> floating = Illustrator.warnings(FigureRenderer.place(withGround(mountain, List.of("feet", "hands"))));
        assertTrue(floating.stream().anyMatch(w -> w.startsWith("right_hand floats")), floating.toString());

        List<String> sunk = Illustrator.warnings(FigureRenderer.place(withGround(mountain, List.of("hands"))));
        assertTrue(sunk.stream().anyMatch(w -> w.contains("below the floor")), sunk.toString());
    }

    @Test
    void theCommandLineWritesOnePngPerSelectedFigure(@TempDir Path out) throws IOException {
        Illustrator.run(new String[] {"--figures", FiguresTest.FIGURES.toString(), "--out", out.toString(), "--only", "tree,cat"});
        try (var files = Files.list(out)) {
            assertEquals(List.of("cat.png", "tree.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(FigureRenderer.png(figures.get("tree")), Files.readAllBytes(out.resolve("tree.png")));
    }

    private static Figure withGround(Figure f, List<String> ground) {
        return new Figure(f.alt(), f.view(), ground, f.torso(), f.spine(), f.neck(),
                f.rightArm(), f.leftArm(), f.rightLeg(), f.leftLeg(), f.wall(), f.strap());
    }

    // Pixels clearly darker than the mat line: the figure, near or far side, not its antialiased fringe.
    private static int countFigurePixels(BufferedImage image, int y) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int rgb = image.getRGB(x, y);
            double luminance = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
            if (luminance < 145) count++;
        }
        return count;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int i = 8;
        while (i + 8 <= png.length) {
            int length = (png[i] & 0xff) << 24 | (png[i + 1] & 0xff) << 16 | (png[i + 2] & 0xff) << 8 | (png[i + 3] & 0xff);
            types.add(new String(png, i + 4, 4, StandardCharsets.US_ASCII));
            i += 12 + length;
        }
        return types;
    }
}
