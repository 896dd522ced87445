package org.yogaflow.illustrator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.yogaflow.illustrator.Skeleton.Body;
import org.yogaflow.illustrator.Skeleton.Capsule;
import org.yogaflow.illustrator.Skeleton.Layer;
import org.yogaflow.illustrator.Skeleton.Part;
import org.yogaflow.illustrator.Skeleton.Point;

/**
 * Draws a figure as a flat, antialiased 1600×1200 PNG: the body rests its lowest supporting part
 * on the mat line, centred across, at one scale for all poses (one shrinks only if it would not fit).
 */
public final class FigureRenderer {

    public static final int WIDTH = 1600, HEIGHT = 1200;
    /** Lowest pixel row for the top of the mat line; low poses get a higher floor so they sit mid-picture. */
    static final double FLOOR_MAX = 1070;
    /** Pixels per body height, unless a pose has to shrink to fit. */
    static final double SCALE = 860;
    /** Free space kept around the figure. */
    static final double PAD = 90;

    static final Color BACKGROUND = new Color(0xeef3ef);
    static final Color FIGURE = new Color(0x2f6b4f);
    static final Color FAR_SIDE = mix(FIGURE, BACKGROUND, 0.3);
    static final Color MAT = new Color(0x8fae9a);
    static final Color TOP_MAT = mix(MAT, BACKGROUND, 0.55);

    private static final int MAT_THICKNESS = 16;

    /**
     * Where a figure lands in the picture: pixel = offset + body height × scale, with y flipped;
     * {@code floorY} is the pixel row of the top of the mat line (unused in a top view).
     */
    public record Placement(Figure figure, Body body, double scale, double offsetX, double offsetY, double floorY) {

        Point2D.Double px(Point p) {
            return new Point2D.Double(offsetX + p.x() * scale, offsetY - p.y() * scale);
        }

        /** The pixel box that every drawn part of the body lies in. */
        public Rectangle2D bounds() {
            List<Capsule> all = body.parts().stream().flatMap(p -> p.capsules().stream()).toList();
            double minX = all.stream().mapToDouble(Capsule::minX).min().orElseThrow();
            double maxX = all.stream().mapToDouble(Capsule::maxX).max().orElseThrow();
            double minY = all.stream().mapToDouble(Capsule::minY).min().orElseThrow();
            double maxY = all.stream().mapToDouble(Capsule::maxY).max().orElseThrow();
            return new Rectangle2D.Double(offsetX + minX * scale, offsetY - maxY * scale,
                    (maxX - minX) * scale, (maxY - minY) * scale);
        }

        /**
         * For each body region named in {@code ground} (feet expands to right_foot and left_foot):
         * how many pixels its lowest point sits above the floor; negative means below it.
         */
        public Map<String, Double> groundGaps() {
            Map<String, Double> gaps = new LinkedHashMap<>();
            for (String name : figure.ground()) {
                for (String region : Skeleton.groundRegions(name)) {
                    double lowest = body.regions().get(region).stream().mapToDouble(Capsule::minY).min().orElseThrow();
                    gaps.put(region, floorY - (offsetY - lowest * scale));
                }
            }
            return gaps;
        }
    }

    private FigureRenderer() {}

    /** Scales and moves the body so that its supporting parts rest on the floor, centred across. */
    public static Placement place(Figure figure) {
        Body body = Skeleton.pose(figure);
        List<Capsule> all = body.parts().stream().flatMap(p -> p.capsules().stream()).toList();
        double minX = all.stream().mapToDouble(Capsule::minX).min().orElseThrow();
        double maxX = all.stream().mapToDouble(Capsule::maxX).max().orElseThrow();
        double minY = all.stream().mapToDouble(Capsule::minY).min().orElseThrow();
        double maxY = all.stream().mapToDouble(Capsule::maxY).max().orElseThrow();
        if (figure.view() == Figure.View.TOP) {
            double scale = Math.min(SCALE, Math.min((WIDTH - 2 * PAD) / (maxX - minX), (HEIGHT - 2 * PAD) / (maxY - minY)));
            return new Placement(figure, body, scale,
                    WIDTH / 2.0 - (minX + maxX) / 2 * scale, HEIGHT / 2.0 + (minY + maxY) / 2 * scale, HEIGHT / 2.0);
        }
        // The lowest of the named supports decides the height; a part drawn lower than that is a
        // data error, which the tests catch, rather than something to hide by lifting the figure.
        double groundY = figure.ground().stream()
                .flatMap(name -> Skeleton.groundRegions(name).stream())
                .flatMap(region -> body.regions().get(region).stream())
                .mapToDouble(Capsule::minY).min().orElse(minY);
        double scale = Math.min(SCALE, Math.min((WIDTH - 2 * PAD) / (maxX - minX), (FLOOR_MAX - PAD) / (maxY - groundY)));
        double floorY = Math.min(FLOOR_MAX, Math.round((HEIGHT + (maxY - groundY) * scale) / 2 + 60));
        return new Placement(figure, body, scale, WIDTH / 2.0 - (minX + maxX) / 2 * scale, floorY + groundY * scale, floorY);
    }

    /** Draws the figure. */
    public static BufferedImage draw(Figure figure) {
        Placement placement = place(figure);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            boolean top = figure.view() == Figure.View.TOP;
            if (top) drawTopMat(g, placement);

            // A thin background-coloured gap separates each part from the parts already drawn behind
            // it, so a near arm stays readable in front of the torso in the same colour. The gap is
            // cut to those parts: around the outside of the figure it would leave a thin ring.
            BasicStroke gap = new BasicStroke((float) (0.018 * placement.scale()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            List<Part> parts = placement.body().parts().stream().sorted(Comparator.comparing(Part::layer)).toList();
            Area drawn = new Area();
            for (Part part : parts) {
                Area area = area(part, placement);
                Area ring = new Area(gap.createStrokedShape(area));
                ring.intersect(drawn);
                if (part.root() != null) {
                    Capsule root = part.root();
                    ring.subtract(capsule(placement.px(root.a()), root.ra() * placement.scale(),
                            placement.px(root.b()), root.rb() * placement.scale()));
                }
                g.setColor(BACKGROUND);
                g.fill(ring);
                g.setColor(part.layer() == Layer.FAR ? FAR_SIDE : FIGURE);
                g.fill(area);
                drawn.add(area);
            }
            g.setColor(MAT);
            g.setStroke(new BasicStroke((float) (0.009 * placement.scale()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Skeleton.Line strap : placement.body().straps()) {
                g.draw(new Line2D.Double(placement.px(strap.a()), placement.px(strap.b())));
            }
            // The mat goes on last, over the soft antialiased edge of whatever rests on it, so contacts look crisp.
            if (!top) {
                double floorY = placement.floorY();
                g.fill(new RoundRectangle2D.Double(90, floorY, WIDTH - 180, MAT_THICKNESS, MAT_THICKNESS, MAT_THICKNESS));
                if (figure.wall()) {
                    double x = placement.bounds().getMaxX();
                    g.fill(new RoundRectangle2D.Double(x, 90, MAT_THICKNESS, floorY + MAT_THICKNESS - 90,
                            MAT_THICKNESS, MAT_THICKNESS));
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The figure as PNG bytes; the same figure always gives the same bytes (no time or metadata chunks). */
    public static byte[] png(Figure figure) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(draw(figure), "png", out)) throw new IllegalStateException("no PNG writer");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Seen from above, the mat is a rounded rectangle under the body rather than a line.
    private static void drawTopMat(Graphics2D g, Placement placement) {
        Point2D pelvis = placement.px(new Point(0, 0));
        Rectangle2D bounds = placement.bounds();
        double length = Math.max(1.15 * placement.scale(), bounds.getWidth() + 60);
        double width = 0.38 * placement.scale();
        g.setColor(TOP_MAT);
        g.fill(new RoundRectangle2D.Double(bounds.getCenterX() - length / 2, pelvis.getY() - width / 2,
                length, width, 24, 24));
    }

    private static Area area(Part part, Placement placement) {
        Area area = new Area();
        double s = placement.scale();
        for (Capsule c : part.capsules()) {
            area.add(capsule(placement.px(c.a()), c.ra() * s, placement.px(c.b()), c.rb() * s));
        }
        if (!part.polygon().isEmpty()) {
            Path2D.Double polygon = new Path2D.Double();
            for (Point p : part.polygon()) {
                Point2D q = placement.px(p);
                if (polygon.getCurrentPoint() == null) polygon.moveTo(q.getX(), q.getY());
                else polygon.lineTo(q.getX(), q.getY());
            }
            polygon.closePath();
            area.add(new Area(polygon));
        }
        return area;
    }

    // Two circles joined by their outer tangent lines.
    private static Area capsule(Point2D a, double ra, Point2D b, double rb) {
        Area area = new Area(new Ellipse2D.Double(a.getX() - ra, a.getY() - ra, 2 * ra, 2 * ra));
        area.add(new Area(new Ellipse2D.Double(b.getX() - rb, b.getY() - rb, 2 * rb, 2 * rb)));
        double dx = b.getX() - a.getX(), dy = b.getY() - a.getY(), length = Math.hypot(dx, dy);
        if (length > Math.abs(ra - rb)) {
            double phi = Math.atan2(dy, dx), alpha = Math.acos((ra - rb) / length);
            Path2D.Double band = new Path2D.Double();
            band.moveTo(a.getX() + ra * Math.cos(phi + alpha), a.getY() + ra * Math.sin(phi + alpha));
            band.lineTo(b.getX() + rb * Math.cos(phi + alpha), b.getY() + rb * Math.sin(phi + alpha));
            band.lineTo(b.getX() + rb * Math.cos(phi - alpha), b.getY() + rb * Math.sin(phi - alpha));
            band.lineTo(a.getX() + ra * Math.cos(phi - alpha), a.getY() + ra * Math.sin(phi - alpha));
            band.closePath();
            area.add(new Area(band));
        }
        return area;
    }

    private static Color mix(Color from, Color to, double amount) {
        return new Color(
                (int) Math.round(from.getRed() + amount * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + amount * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + amount * (to.getBlue() - from.getBlue())));
    }
}
