package org.yogaflow.generator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yogaflow.generator.cli.Main;

/** Fixture sites and a way to drive the real CLI in tests. */
public final class TestSites {

    /** The repository's real content library. */
    public static final Path CONTENT = Path.of("..", "content").toAbsolutePath().normalize();

    /** The repository's theme, used by every build in the tests. */
    public static final Path THEME = Path.of("..", "site-theme").toAbsolutePath().normalize();

    private TestSites() {}

    /** What a CLI run returned and printed. */
    public record Run(int code, String out, String err) {
        /** The diagnostic lines (and hint lines) printed to stderr. */
        public List<String> diagnostics() {
            return err.lines().filter(l -> l.startsWith("content/") || l.startsWith("    hint: ")).toList();
        }
    }

    public static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestSites.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixture site {@code sites/<name>} to {@code <dir>/content} and returns that folder. */
    public static Path copySite(String name, Path dir) {
        Path content = dir.resolve("content");
        copyTree(resource("sites/" + name), content);
        return content;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file below {@code root}, as sorted relative paths with forward slashes. */
    public static List<String> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Run build(Path content, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(), "--out", out.toString(),
                "--theme", THEME.toString()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }
}
