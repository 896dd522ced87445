package org.yogaflow.generator.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The theme's Pebble templates ({@code site-theme/templates/*.peb}). Output is HTML-escaped by
 * default and undefined variables are errors, so a typo in a template fails the build instead
 * of rendering an empty string. Thread-safe.
 */
public final class Templates {

    private final Path dir;
    private final PebbleEngine engine;

    public Templates(Path templateDir) {
        this.dir = templateDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ThemeException("theme templates not found at " + dir
                    + " (pass --theme DIR, the folder that holds templates/ and assets/)", null);
        }
        FileLoader loader = new FileLoader(dir.toString());
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .addEscapingStrategy("html", new HtmlEscaper())
                .newLineTrimming(true)
                .build();
    }

    /** The path relative to the working directory when it is below it, as users typed it. */
    private static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return (file.startsWith(cwd) ? cwd.relativize(file) : file).toString();
    }

    /** Renders a small template (a card) to a string. */
    public String render(String name, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            render(name, context, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    public void render(String name, Map<String, Object> context, Writer out) throws IOException {
        try {
            PebbleTemplate template = engine.getTemplate(name);
            template.evaluate(out, context);
        } catch (PebbleException e) {
            String file = display(dir.resolve((e.getFileName() == null ? name : e.getFileName()) + ".peb"));
            String where = e.getLineNumber() == null ? file : file + ":" + e.getLineNumber();
            throw new ThemeException("template error at " + where + ": " + e.getPebbleMessage(), e);
        }
    }
}
