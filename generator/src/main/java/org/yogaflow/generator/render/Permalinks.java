package org.yogaflow.generator.render;

import java.net.URI;

/**
 * Where each page lives: its URL (root-relative, under the base URL's path, so a site built
 * for {@code https://example.org/studio/} links to {@code /studio/poses/tree/}) and its file.
 */
public final class Permalinks {

    private final String baseUrl;
    private final String basePath;

    public Permalinks(String baseUrl) {
        String normalized = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        URI uri = URI.create(normalized);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("base URL must be absolute, like https://example.org/, got '" + baseUrl + "'");
        }
        this.baseUrl = normalized;
        this.basePath = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The root-relative URL of a site path such as {@code poses/tree/}. */
    public String url(String sitePath) {
        return basePath + sitePath;
    }

    /** The absolute URL of a site path, for the sitemap, canonical links and the catalog. */
    public String absolute(String sitePath) {
        return baseUrl + sitePath;
    }

    public String home() {
        return url("");
    }

    public String library() {
        return url("poses/");
    }

    public String sequences() {
        return url("sequences/");
    }

    public String pose(String slug) {
        return url(posePath(slug));
    }

    public String sequence(String slug) {
        return url(sequencePath(slug));
    }

    public static String posePath(String slug) {
        return "poses/" + slug + "/";
    }

    public static String sequencePath(String slug) {
        return "sequences/" + slug + "/";
    }

    /** The output file for a directory-style site path: {@code poses/tree/} → {@code poses/tree/index.html}. */
    public static String file(String sitePath) {
        return sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "index.html" : sitePath;
    }
}
