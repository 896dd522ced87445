package org.yogaflow.account.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current {@link Catalog}: loads it from a file path or an http(s) URL at start and
 * again every refresh period, so a site rebuilt beside a running API is picked up. A failed
 * reload keeps the last good catalog; a missing catalog at start gives an empty one and a
 * warning (every sequence slug is then unknown until the site is built).
 */
public final class CatalogSource implements Supplier<Catalog>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String location;
    private final ScheduledExecutorService refresher;
    private volatile Catalog current = Catalog.EMPTY;
    private volatile String lastProblem;

    private CatalogSource(String location, Duration refresh) {
        this.location = location;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::reload, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Loads {@code location} (a path or URL) now and every {@code refresh}. */
    public static CatalogSource start(String location, Duration refresh) {
        CatalogSource source = new CatalogSource(location, refresh);
        source.reload();
        return source;
    }

    @Override
    public Catalog get() {
        return current;
    }

    void reload() {
        try {
            Catalog loaded = parse(read());
            if (!loaded.equals(current)) {
                LOG.info("catalog {}: {} poses, {} sequences", location, loaded.poses().size(), loaded.sequences().size());
            }
            current = loaded;
            lastProblem = null;
        } catch (IOException | RuntimeException e) {
            String problem = e.getMessage();
            if (!problem.equals(lastProblem)) { // warn once per distinct problem, not every minute
                LOG.warn("catalog {} could not be read ({}); {}", location, problem,
                        current == Catalog.EMPTY ? "no sequence or pose is known until it can" : "keeping the previous one");
            }
            lastProblem = problem;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] read() throws IOException, InterruptedException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpResponse<byte[]> response = client.send(
                        HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                return response.body();
            }
        }
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            return in.readAllBytes();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no such file " + Path.of(location).toAbsolutePath()
                    + " (build the site first, or set YOGAFLOW_CATALOG)");
        }
    }

    /** Parses a catalog document; only the fields the API needs are read. */
    public static Catalog parse(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || root.path("version").asInt() != 1) {
            throw new IOException("not a version 1 catalog");
        }
        Set<String> poses = new HashSet<>();
        for (JsonNode pose : root.path("poses")) {
            poses.add(pose.path("slug").asText());
        }
        Map<String, CatalogSequence> sequences = new HashMap<>();
        for (JsonNode s : root.path("sequences")) {
            String slug = s.path("slug").asText();
            sequences.put(slug, new CatalogSequence(slug, s.path("title").asText(slug),
                    s.path("minutes").asInt(), s.path("computed_seconds").asInt()));
        }
        return new Catalog(poses, sequences);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
