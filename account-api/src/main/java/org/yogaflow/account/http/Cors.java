package org.yogaflow.account.http;

import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * CORS for the configured origins only. Every answer says {@code Vary: Origin}, since it
 * depends on it; a preflight from an allowed origin is answered 204 with the methods and
 * headers the API accepts; one from any other origin gets 403.
 */
final class Cors {

    static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";
    static final String EXPOSED = "Retry-After, X-Request-Id";

    private final Set<String> origins;

    Cors(Set<String> origins) {
        this.origins = origins;
    }

    /** Adds the CORS headers; returns true if the request was a preflight and is answered. */
    boolean handle(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        boolean allowed = origin != null && origins.contains(origin);
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED);
        }
        boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeader("Access-Control-Request-Method") != null;
        if (!preflight) {
            return false;
        }
        if (!allowed) {
            throw new ApiError(403, "origin_not_allowed", "This origin may not call the API.");
        }
        response.setStatus(204);
        response.setHeader("Access-Control-Allow-Methods", METHODS);
        response.setHeader("Access-Control-Allow-Headers", HEADERS);
        response.setHeader("Access-Control-Max-Age", "600");
        response.addHeader("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers");
        return true;
    }
}
