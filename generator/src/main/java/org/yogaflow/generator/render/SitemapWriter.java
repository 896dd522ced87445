package org.yogaflow.generator.render;

import java.util.ArrayList;
import java.util.List;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.publish.OutputTree;

/** Writes {@code sitemap.xml}: every page's absolute URL, in a stable order. No dates, so output is deterministic. */
final class SitemapWriter {

    private SitemapWriter() {}

    static void write(Library library, Permalinks links, OutputTree tree) {
        List<String> paths = new ArrayList<>(List.of("", "poses/", "sequences/"));
        library.poses().keySet().forEach(slug -> paths.add(Permalinks.posePath(slug)));
        library.sequences().keySet().forEach(slug -> paths.add(Permalinks.sequencePath(slug)));
        StringBuilder xml = new StringBuilder(64 * paths.size() + 200)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : paths) {
            xml.append("  <url><loc>").append(escape(links.absolute(path))).append("</loc></url>\n");
        }
        xml.append("</urlset>\n");
        tree.write("sitemap.xml", xml.toString());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
