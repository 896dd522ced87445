package org.yogaflow.account.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yogaflow.account.service.PracticeService;

/**
 * Routes anyone may call: health, the OpenAPI document and the popularity counts.
 *
 * <pre>curl -s localhost:8081/api/v1/popular</pre>
 */
final class PublicRoutes {

    private static final String HEALTH = Json.write(Map.of("status", "ok"));

    private final PracticeService practice;
    private final String openApi;

    PublicRoutes(PracticeService practice) {
        this.practice = practice;
        try (InputStream in = PublicRoutes.class.getResourceAsStream("openapi.json")) {
            this.openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(Routes routes) {
        routes.add("GET", "/health", (req, res) -> HEALTH);
        routes.add("GET", "/openapi.json", (req, res) -> {
            res.raw().setHeader("Cache-Control", "public, max-age=3600");
            return openApi;
        });
        routes.add("GET", "/popular", (req, res) -> {
            res.raw().setHeader("Cache-Control", "public, max-age=300");
            return practice.popular();
        });
    }
}
