package org.yogaflow.generator.build;

import java.nio.file.Path;

/**
 * Everything a build needs to know, gathered from the command line.
 *
 * @param content  the content folder (taxonomy.yaml, poses/, sequences/, photos/)
 * @param out      the published site folder, replaced as a whole when the build succeeds
 * @param theme    the theme folder (templates/, assets/)
 * @param baseUrl  the absolute URL the site is served from, for links, sitemap and catalog
 * @param drafts   publish poses and sequences marked {@code draft: true}
 * @param strict   treat warnings as errors
 */
public record BuildOptions(Path content, Path out, Path theme, String baseUrl, boolean drafts, boolean strict) {

    public static final String DEFAULT_BASE_URL = "http://localhost:8080/";
}
