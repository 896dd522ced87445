package org.yogaflow.account.http;

import javax.servlet.http.HttpServletResponse;

/** Headers on every answer, errors included: the API serves JSON only, to be read, never framed or run. */
final class SecurityHeaders {

    static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {}

    static void apply(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Resource-Policy", "same-site");
        // Token and account answers must never be stored; the few public, cacheable routes
        // (popularity, OpenAPI document) replace this.
        response.setHeader("Cache-Control", "no-store");
    }
}
