package org.yogaflow.generator.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves a built site from a folder the way a static host would: directory URLs get their
 * {@code index.html}, {@code /poses} redirects to {@code /poses/}, files get their proper
 * content type and the headers the site's {@code _headers} file gives their path, unknown paths
 * get the site's {@code 404.html} with status 404, and an {@code If-None-Match} with the file's
 * ETag gets 304. Local preview only: it binds to the loopback address.
 *
 * <p>With a {@link LiveReload}, every HTML page also loads {@code /__yogaflow/live.js} (a file,
 * never an inline script: the pages' CSP allows scripts from the site only), which listens to
 * {@code /__yogaflow/events}, reloads the page after a rebuild and shows a failed build's
 * errors over it, styled by {@code /__yogaflow/live.css}.
 */
public final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("webmanifest", "application/manifest+json"));

    static final String LIVE = "/__yogaflow/";
    private static final byte[] LIVE_TAG =
            "<script type=\"module\" src=\"/__yogaflow/live.js\"></script>\n".getBytes(StandardCharsets.UTF_8);

    private final Path root;
    private final HttpServer server;
    private final LiveReload live;

    private SiteServer(Path root, HttpServer server, LiveReload live) {
        this.root = root;
        this.server = server;
        this.live = live;
    }

    /** Starts serving {@code root} on 127.0.0.1; port 0 picks a free port. */
    public static SiteServer start(Path root, int port) throws IOException {
        return start(root, port, null);
    }

    /** The same, with pages that follow {@code live} (null: none). */
    public static SiteServer start(Path root, int port, LiveReload live) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SiteServer site = new SiteServer(root.toAbsolutePath().normalize(), http, live);
        http.createContext("/", site::handle);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return site;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (live != null) live.close();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes());
                return;
            }
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            if (live != null && path.startsWith(LIVE)) {
                serveLive(exchange, path.substring(LIVE.length()));
                return;
            }
            Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
            if (!file.startsWith(root) || path.contains("\0")) {
                notFound(exchange);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    exchange.getResponseHeaders().set("Location", path + "/");
                    send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                notFound(exchange);
                return;
            }
            byte[] body;
            try {
                body = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                notFound(exchange); // removed by a rebuild meanwhile
                return;
            }
            send(exchange, 200, type(file), body);
        } catch (IllegalArgumentException e) {
            notFound(exchange); // a malformed URI
        }
    }

    /** The live-reload script, its stylesheet and its event stream. */
    private void serveLive(HttpExchange exchange, String name) throws IOException {
        switch (name) {
            case "events" -> {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    live.stream(out);
                } catch (IOException e) {
                    // the page went away
                }
            }
            case "live.js", "live.css" -> {
                try (InputStream in = SiteServer.class.getResourceAsStream(name)) {
                    send(exchange, 200, type(Path.of(name)), in.readAllBytes());
                }
            }
            default -> notFound(exchange);
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Path page = root.resolve("404.html");
        if (Files.isRegularFile(page)) {
            send(exchange, 404, TYPES.get("html"), Files.readAllBytes(page));
        } else if (live != null) {
            // Nothing built yet (the first build failed): a page that can still show the errors.
            send(exchange, 404, TYPES.get("html"), """
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not built yet</title></head>
                    <body><h1>The site is not built yet</h1></body></html>
                    """.getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 404, TYPES.get("txt"), "not found\n".getBytes());
        }
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        boolean html = type.equals(TYPES.get("html"));
        if (live != null && html) body = withLiveScript(body);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-cache");
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(LIVE)) {
            HeaderRules.read(root.resolve("_headers")).forPath(path).forEach(headers::set);
        }
        if (status == 200) {
            String etag = etag(body);
            headers.set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The page with the live-reload script before {@code </head>} (or at the start, without one). */
    static byte[] withLiveScript(byte[] page) {
        String text = new String(page, StandardCharsets.UTF_8);
        int head = text.indexOf("</head>");
        int at = head < 0 ? 0 : text.substring(0, head).getBytes(StandardCharsets.UTF_8).length;
        byte[] out = new byte[page.length + LIVE_TAG.length];
        System.arraycopy(page, 0, out, 0, at);
        System.arraycopy(LIVE_TAG, 0, out, at, LIVE_TAG.length);
        System.arraycopy(page, at, out, at + LIVE_TAG.length, page.length - at);
        return out;
    }

    /** A strong validator: a hash of the bytes sent. */
    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
