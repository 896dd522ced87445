package org.yogaflow.generator.cli;

import java.nio.file.Path;
import org.yogaflow.generator.build.BuildOptions;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.images.PhotoSettings;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a build, shared by {@code build}, {@code serve --watch} and {@code dev}. */
final class BuildFlags {

    @Mixin
    ContentOptions content;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "public",
            description = "Output folder, replaced by the new site (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--theme", paramLabel = "DIR", defaultValue = "site-theme",
            description = "Theme folder with templates/ and assets/ (default: ${DEFAULT-VALUE}).")
    Path theme;

    @Mixin
    SiteOptions site;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Build cache folder: photo renditions and what each page was made from; safe to delete "
                    + "(default: .yogaflow-cache beside the content folder).")
    Path cache;

    @Option(names = "--max-photo-mb", paramLabel = "MB", defaultValue = "10",
            description = "Largest source photo accepted, in megabytes (default: ${DEFAULT-VALUE}).")
    double maxPhotoMb;

    @Option(names = "--photo-quality", paramLabel = "Q", defaultValue = "80",
            description = "WebP quality of photo renditions, 1-100 (default: ${DEFAULT-VALUE}).")
    int photoQuality;

    /**
     * The build's options from the flags and {@code content/site.yaml} (whose problems go to
     * {@code diagnostics}); {@code localBaseUrl} is a preview server's address (it wins over the
     * file's base_url), or null; {@code apiUrl}, when not null, wins over the file's api_url.
     */
    BuildOptions options(CommandLine cmd, String localBaseUrl, String apiUrl, Diagnostics diagnostics) {
        if (!(maxPhotoMb > 0)) {
            throw new CommandLine.ParameterException(cmd, "--max-photo-mb must be more than 0");
        }
        if (photoQuality < 1 || photoQuality > 100) {
            throw new CommandLine.ParameterException(cmd, "--photo-quality must be from 1 to 100");
        }
        SiteOptions.Resolved resolved = site.resolve(cmd, content.content, localBaseUrl, apiUrl, diagnostics);
        return new BuildOptions(content.content, out, theme, resolved.baseUrl(), content.drafts, content.strict,
                cache != null ? cache : BuildOptions.defaultCache(content.content),
                new PhotoSettings((long) (maxPhotoMb * 1_000_000), PhotoSettings.DEFAULT.maxPixels(), photoQuality),
                resolved.site());
    }
}
