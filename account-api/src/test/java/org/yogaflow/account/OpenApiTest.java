package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.account.http.RouteSpec;

/** The served OpenAPI document lists exactly the registered routes. */
class OpenApiTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists(@TempDir Path dir) {
        try (TestApi api = TestApi.start(dir)) {
            JsonNode doc = api.get("/openapi.json").json();
            assertEquals("3.1.0", doc.path("openapi").asText());
            Set<String> registered = new TreeSet<>();
            for (RouteSpec r : api.api.routes()) {
                registered.add(r.method() + " " + r.openApiPath());
            }
            Set<String> documented = new TreeSet<>();
            doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                    documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
            assertEquals(registered, documented);
            assertTrue(registered.size() >= 21, registered.toString());
            // Every operation says what it answers, and signed-in routes declare bearer auth.
            doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                assertTrue(op.getValue().path("responses").size() > 0, path.getKey());
                boolean signedIn = path.getKey().startsWith("/api/v1/me") || path.getKey().equals("/api/v1/auth/logout");
                assertEquals(signedIn, op.getValue().path("security").size() > 0, op.getKey() + " " + path.getKey());
            }));
        }
    }
}
