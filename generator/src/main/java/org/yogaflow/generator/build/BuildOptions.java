package org.yogaflow.generator.build;

import java.nio.file.Path;
import org.yogaflow.generator.render.views.SiteInfo;
import org.yogaflow.generator.images.PhotoSettings;

/**
 * Everything a build needs to know, gathered from the command line.
 *
 * @param content  the content folder (taxonomy.yaml, poses/, sequences/, photos/)
 * @param out      the published site folder, replaced as a whole when the build succeeds
 * @param theme    the theme folder (templates/, assets/)
 * @param baseUrl  the absolute URL the site is served from, for links, sitemap and catalog
 * @param drafts   publish poses and sequences marked {@code draft: true}
 * @param strict   treat warnings as errors
 * @param cache    the build cache folder (photo renditions, what each page was made from);
 *                 safe to delete
 * @param photos   the size limits of source photos and the quality of their renditions
 * @param site     the site's title, language, account API URL and so on
 */
public record BuildOptions(Path content, Path out, Path theme, String baseUrl, boolean drafts, boolean strict,
        Path cache, PhotoSettings photos, SiteInfo site) {

    public static final String DEFAULT_BASE_URL = "http://localhost:8080/";

    /** With the default cache folder ({@link #defaultCache}) and photo settings. */
    public BuildOptions(Path content, Path out, Path theme, String baseUrl, boolean drafts, boolean strict) {
        this(content, out, theme, baseUrl, drafts, strict, defaultCache(content), PhotoSettings.DEFAULT, SiteInfo.DEFAULT);
    }

    /** {@code .yogaflow-cache/} beside the content folder. */
    public static Path defaultCache(Path content) {
        Path parent = content.toAbsolutePath().normalize().getParent();
        return (parent == null ? content.toAbsolutePath() : parent).resolve(".yogaflow-cache");
    }
}
