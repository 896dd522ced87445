package org.yogaflow.generator.render;

/**
 * The security and caching headers of the site: the Content-Security-Policy that pages also
 * carry in a meta tag, and the {@code _headers} file that Netlify, Cloudflare Pages and similar
 * CDNs read.
 */
public final class Headers {

    /**
     * Scripts, styles, images and fonts from the site itself only: no inline script or style.
     * frame-ancestors cannot be set from a meta tag, so it is in the headers file alone.
     */
    private Headers() {}

    /** The policy for a site whose scripts may also call {@code apiOrigin} (empty: none). */
    public static String csp(String apiOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'" + (apiOrigin.isEmpty() ? "" : " " + apiOrigin)
                + "; object-src 'none'; base-uri 'self'; form-action 'self'";
    }

    /**
     * Fingerprinted files are cached for good. The search index's manifest is named by the poses
     * it indexes, not by its content: it is revalidated on every use, like the pages.
     */
    static String file(String apiOrigin) {
        return """
                /*
                  Content-Security-Policy: %s; frame-ancestors 'none'
                  X-Content-Type-Options: nosniff
                  Referrer-Policy: strict-origin-when-cross-origin
                  Permissions-Policy: camera=(), microphone=(), geolocation=()
                /assets/*
                  Cache-Control: public, max-age=31536000, immutable
                /images/*
                  Cache-Control: public, max-age=31536000, immutable
                /search/*
                  Cache-Control: no-cache
                /api/*
                  Access-Control-Allow-Origin: *
                  Cache-Control: public, max-age=300
                """.formatted(csp(apiOrigin));
    }
}
