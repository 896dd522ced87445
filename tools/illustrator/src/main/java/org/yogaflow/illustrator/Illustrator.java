package org.yogaflow.illustrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line: {@code --figures FILE --out DIR [--only slug,slug]} draws {@code <slug>.png} in DIR
 * for every figure in FILE (or only the named ones).
 */
public final class Illustrator {

    /** How far a part named in {@code ground} may float above the floor, in body heights, before we warn. */
    static final double TOUCH_TOLERANCE = 0.012;
    /** How far anything may reach below the floor, in body heights (antialiasing, rounding). */
    static final double BELOW_TOLERANCE = 0.004;

    private Illustrator() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        try {
            run(args);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("illustrator: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args) throws IOException {
        Path figuresFile = null, out = null;
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--figures" -> figuresFile = Path.of(require(args[i], value));
                case "--out" -> out = Path.of(require(args[i], value));
                case "--only" -> only = List.of(require(args[i], value).split(","));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'\n" + usage());
            }
            i++;
        }
        if (figuresFile == null || out == null) throw new IllegalArgumentException(usage());

        Map<String, Figure> figures = Figures.load(figuresFile);
        Map<String, Figure> selected = new LinkedHashMap<>(figures);
        if (only != null) {
            List<String> unknown = new ArrayList<>(only);
            unknown.removeAll(figures.keySet());
            if (!unknown.isEmpty()) throw new IllegalArgumentException("no figure named " + String.join(", ", unknown));
            selected.keySet().retainAll(only);
        }
        Files.createDirectories(out);
        int warnings = 0;
        for (Map.Entry<String, Figure> entry : selected.entrySet()) {
            Figure figure = entry.getValue();
            byte[] png = FigureRenderer.png(figure);
            Files.write(out.resolve(entry.getKey() + ".png"), png);
            System.out.printf(Locale.ROOT, "%-28s %5.1f KB%n", entry.getKey() + ".png", png.length / 1024.0);
            for (String warning : warnings(FigureRenderer.place(figure))) {
                System.out.println("  warning: " + warning);
                warnings++;
            }
        }
        System.out.printf(Locale.ROOT, "%d figure(s) drawn in %s, %d warning(s)%n", selected.size(), out.toAbsolutePath().normalize(), warnings);
    }

    /** Supports that float above the floor, parts below it, and anything outside the picture. */
    static List<String> warnings(FigureRenderer.Placement placement) {
        List<String> warnings = new ArrayList<>();
        placement.groundGaps().forEach((region, gap) -> {
            if (gap > TOUCH_TOLERANCE * placement.scale()) warnings.add(String.format(Locale.ROOT, "%s floats %.0f px above the floor", region, gap));
        });
        var bounds = placement.bounds();
        if (placement.figure().view() != Figure.View.TOP && bounds.getMaxY() > placement.floorY() + BELOW_TOLERANCE * placement.scale()) {
            warnings.add(String.format(Locale.ROOT, "a part reaches %.0f px below the floor", bounds.getMaxY() - placement.floorY()));
        }
        if (bounds.getMinX() < 0 || bounds.getMinY() < 0 || bounds.getMaxX() > FigureRenderer.WIDTH
                || bounds.getMaxY() > FigureRenderer.HEIGHT) {
            warnings.add("the figure does not fit in the picture");
        }
        return warnings;
    }

    private static String require(String option, String value) {
        if (value == null) throw new IllegalArgumentException(option + " needs a value\n" + usage());
        return value;
    }

    private static String usage() {
        return "usage: Illustrator --figures FILE --out DIR [--only slug,slug]";
    }
}
