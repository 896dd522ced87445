package org.yogaflow.generator.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The theme's pages that are not made from content (sign-in, account, dashboard…): every
 * {@code templates/pages/<path>.peb} is published at {@code /<path>/}. Each starts with a comment
 * that gives its title, description and navigation section:
 *
 * <pre>{# title: Log in
 *    description: Log in to keep a record of your practice.
 *    section: account #}</pre>
 */
final class StaticPages {

    /** One page: its template name (e.g. {@code pages/account/login}) and where it is published. */
    record Spec(String template, String sitePath, String title, String description, String section) {}

    private StaticPages() {}

    static List<Spec> list(Path templateDir) {
        Path dir = templateDir.resolve("pages");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".peb")).sorted().map(file -> {
                String name = dir.relativize(file).toString().replace('\\', '/');
                name = name.substring(0, name.length() - ".peb".length());
                Map<String, String> meta = header(file);
                String title = meta.get("title");
                if (title == null) {
                    throw new ThemeException(file + ": a page template must start with {# title: … #}", null);
                }
                return new Spec("pages/" + name, name + "/", title, meta.getOrDefault("description", title),
                        meta.getOrDefault("section", ""));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the theme's pages in " + dir, e);
        }
    }

    /** The {@code key: value} lines of the comment the template starts with. */
    private static Map<String, String> header(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).stripLeading();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        int end = text.indexOf("#}");
        if (!text.startsWith("{#") || end < 0) return meta;
        for (String line : text.substring(2, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) meta.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return meta;
    }
}
