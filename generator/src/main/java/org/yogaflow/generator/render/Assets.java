package org.yogaflow.generator.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yogaflow.generator.publish.Fingerprint;
import org.yogaflow.generator.publish.OutputTree;

/**
 * Publishes the theme's static files ({@code site-theme/assets/}) under content-hashed names,
 * e.g. {@code assets/site.3f2a9c01b7.css} (script modules under {@code js/} share one hashed folder,
 * {@code assets/js.5d0e1c2a9b/account.js}), and tells templates the URL of each by its plain name.
 */
public final class Assets {

    /** The folder of script modules, published together. */
    private static final String MODULES = "js/";

    private Assets() {}

    /** Writes every asset into {@code tree}; returns plain name → URL, e.g. "site.css" → "/assets/site.….css". */
    public static Map<String, String> publish(Path assetDir, Permalinks links, OutputTree tree) {
        Map<String, String> urls = new TreeMap<>();
        if (!Files.isDirectory(assetDir)) return urls;
        try (Stream<Path> walk = Files.walk(assetDir)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
            // Script modules import each other by relative URL, so they share one fingerprinted
            // folder, named by the hash of them all: assets/js.<hash>/player.js.
            Map<String, byte[]> modules = new TreeMap<>();
            for (Path file : files) {
                String name = assetDir.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                if (name.startsWith(MODULES)) {
                    modules.put(name.substring(MODULES.length()), bytes);
                    continue;
                }
                String sitePath = Fingerprint.name("assets/" + name, Fingerprint.of(bytes));
                if (!tree.keep(sitePath, "=" + sitePath)) tree.write(sitePath, bytes);
                urls.put(name, links.url(sitePath));
            }
            if (!modules.isEmpty()) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (Map.Entry<String, byte[]> module : modules.entrySet()) {
                    all.writeBytes((module.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
                    all.writeBytes(module.getValue());
                }
                String folder = "assets/js." + Fingerprint.of(all.toByteArray()) + "/";
                for (Map.Entry<String, byte[]> module : modules.entrySet()) {
                    String sitePath = folder + module.getKey();
                    if (!tree.keep(sitePath, "=" + sitePath)) tree.write(sitePath, module.getValue());
                    urls.put(MODULES + module.getKey(), links.url(sitePath));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read theme assets in " + assetDir, e);
        }
        return Collections.unmodifiableMap(urls);
    }
}
