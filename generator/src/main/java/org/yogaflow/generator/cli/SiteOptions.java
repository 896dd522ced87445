package org.yogaflow.generator.cli;

import java.nio.file.Path;
import org.yogaflow.generator.build.BuildOptions;
import org.yogaflow.generator.content.SiteConfig;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.render.Permalinks;
import org.yogaflow.generator.render.views.SiteInfo;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The site settings a command line may give: each flag overrides the same field of
 * {@code content/site.yaml}, which overrides the defaults.
 */
final class SiteOptions {

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Absolute URL the site is served from (default: base_url of content/site.yaml, or "
                    + BuildOptions.DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "Base URL of the account API, e.g. https://api.studio.example/api/v1; empty for a read-only "
                    + "site (default: api_url of content/site.yaml, or none).")
    String apiUrl;

    @Option(names = "--title", paramLabel = "TEXT",
            description = "The site's title (default: title of content/site.yaml, or YogaFlow).")
    String title;

    /** Where the site will be served from, and what its layout shows. */
    record Resolved(String baseUrl, SiteInfo site) {}

    /**
     * Reads {@code site.yaml} in {@code content} (its problems go to {@code diagnostics}) and
     * applies the flags; {@code localBaseUrl} and {@code localApiUrl}, when not null, win over
     * the file (a local preview is served from its own address, and {@code dev} runs its own API).
     */
    Resolved resolve(CommandLine cmd, Path content, String localBaseUrl, String localApiUrl, Diagnostics diagnostics) {
        SiteInfo d = SiteInfo.DEFAULT;
        SiteConfig defaults = new SiteConfig(d.title(), d.tagline(), d.language(), BuildOptions.DEFAULT_BASE_URL,
                d.apiUrl(), d.contactEmail());
        SiteConfig file = SiteConfig.load(content, diagnostics);
        SiteConfig flags = new SiteConfig(title, null, null, baseUrl != null ? baseUrl : localBaseUrl,
                apiUrl != null ? apiUrl : localApiUrl, null);
        SiteConfig c = flags.or(file).or(defaults);
        try {
            new Permalinks(c.baseUrl());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "invalid --base-url: " + e.getMessage());
        }
        if (!c.apiUrl().isEmpty() && !c.apiUrl().matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new CommandLine.ParameterException(cmd,
                    "invalid --api-url: expected an absolute http(s) URL such as https://api.studio.example/api/v1");
        }
        return new Resolved(c.baseUrl(), new SiteInfo(c.title(), c.tagline(), c.language(), c.apiUrl(), c.contactEmail()));
    }
}
