package org.yogaflow.generator.render.views;

import java.net.URI;

/**
 * Site-wide settings the layout uses, from {@code content/site.yaml} and the command line.
 *
 * @param apiUrl       the account API's base URL, e.g. {@code https://api.studio.example/api/v1};
 *                     empty for a read-only site (the account features stay hidden)
 * @param contactEmail the studio's address shown in the footer; empty for none
 */
public record SiteInfo(String title, String tagline, String language, String apiUrl, String contactEmail) {
    public static final SiteInfo DEFAULT =
            new SiteInfo("YogaFlow", "Poses and sequences for every practice", "en", "", "");

    public SiteInfo {
        apiUrl = apiUrl == null ? "" : apiUrl.replaceAll("/+$", "");
        contactEmail = contactEmail == null ? "" : contactEmail;
    }

    public SiteInfo(String title, String tagline, String language, String apiUrl) {
        this(title, tagline, language, apiUrl, "");
    }

    /** The API's origin ({@code scheme://host[:port]}), which the CSP must allow; empty without an API. */
    public String apiOrigin() {
        if (apiUrl.isEmpty()) return "";
        URI uri = URI.create(apiUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public SiteInfo withApiUrl(String url) {
        return new SiteInfo(title, tagline, language, url, contactEmail);
    }
}
