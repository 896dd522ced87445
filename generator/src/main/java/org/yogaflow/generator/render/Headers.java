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
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'";

    private Headers() {}

    static String file() {
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
                /api/*
                  Access-Control-Allow-Origin: *
                  Cache-Control: public, max-age=300
                """.formatted(CONTENT_SECURITY_POLICY);
    }
}
