package org.yogaflow.account.http;

import java.util.regex.Pattern;

/** One registered route: its method and Spark path pattern ({@code /api/v1/me/sessions/:id}). */
public record RouteSpec(String method, String path) {

    /** The path in OpenAPI's template syntax: {@code /api/v1/me/sessions/{id}}. */
    public String openApiPath() {
        return path.replaceAll(":([a-z_]+)", "{$1}");
    }

    boolean matches(String requestPath) {
        return Pattern.compile(Pattern.quote(path).replaceAll(":[a-z_]+", "\\\\E[^/]+\\\\Q")).matcher(requestPath).matches();
    }
}
