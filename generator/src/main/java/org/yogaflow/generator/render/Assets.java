package org.yogaflow.generator.render;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * e.g. {@code assets/site.3f2a9c01b7.css}, and tells templates the URL of each by its plain name.
 */
public final class Assets {

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
            for (Path file : files) {
                String name = assetDir.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                String sitePath = Fingerprint.name("assets/" + name, Fingerprint.of(bytes));
                if (!tree.keep(sitePath, "=" + sitePath)) tree.write(sitePath, bytes);
                urls.put(name, links.url(sitePath));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read theme assets in " + assetDir, e);
        }
        return Collections.unmodifiableMap(urls);
    }
}
