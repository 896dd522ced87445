package org.yogaflow.account.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The outermost handler, around Spark: gives every request an id, sets the security headers,
 * answers CORS, refuses bodies over 64 KiB (413) before anything reads them, and writes one
 * structured log line per request (method, route pattern, status, duration, request id, client
 * address; never bodies, query strings, tokens or passwords).
 */
final class Guard extends HandlerWrapper {

    static final int MAX_BODY = 64 * 1024;
    /** How much of a refused body is still read (and thrown away) so that its sender gets the answer. */
    static final int MAX_DRAIN = 1024 * 1024;
    static final String REQUEST_ID = "yogaflow.requestId";
    static final String ROUTE = "yogaflow.route";
    static final String CLIENT = "yogaflow.client";
    private final Cors cors;
    private final ClientIp clientIp;
    private final RequestLog log;

    /** {@code log} is null when request logging is off. */
    Guard(Cors cors, ClientIp clientIp, RequestLog log) {
        this.cors = cors;
        this.clientIp = clientIp;
        this.log = log;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        long start = System.nanoTime();
        String id = requestId(request.getHeader("X-Request-Id"));
        request.setAttribute(REQUEST_ID, id);
        String client = clientIp.of(request);
        request.setAttribute(CLIENT, client);
        response.setHeader("X-Request-Id", id);
        SecurityHeaders.apply(response);
        try {
            if (cors.handle(request, response)) {
                base.setHandled(true);
                return;
            }
            HttpServletRequest checked = limitBody(request);
            super.handle(target, base, checked, response);
        } catch (ApiError e) {
            if (e.status == 413 && !drained(request)) {
                response.setHeader("Connection", "close"); // do not read the rest of a huge body
            }
            ErrorMapper.write(response, e);
            base.setHandled(true);
        } finally {
            if (log != null) {
                Object route = request.getAttribute(ROUTE);
                // Every value is ours or checked: ids are [A-Za-z0-9_-], methods are HTTP
                // tokens, routes are our patterns, clients are IP literals. No escaping needed.
                log.log("{\"time\":\"" + java.time.Instant.now() + "\",\"request_id\":\"" + id
                        + "\",\"method\":\"" + request.getMethod() + "\",\"route\":\"" + (route == null ? "-" : route)
                        + "\",\"status\":" + response.getStatus() + ",\"duration_ms\":" + micros((System.nanoTime() - start) / 1000)
                        + ",\"client\":\"" + client + "\"}");
            }
        }
    }

    /** Microseconds as milliseconds with two decimals, without String.format's cost. */
    private static String micros(long us) {
        long hundredths = us / 10;
        long rest = hundredths % 100;
        return hundredths / 100 + (rest < 10 ? ".0" : ".") + rest;
    }

    /** The caller's X-Request-Id if it is short and plain, else a new random one. */
    private static String requestId(String given) {
        if (given != null && given.length() >= 8 && given.length() <= 64
                && given.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
            return given;
        }
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    /**
     * Reads and discards the rest of a refused body when it is not huge, so that a client still
     * sending it gets the 413 answer rather than a connection reset under its feet (which HTTP
     * clients report as "no response"); false for a larger body, whose connection is then closed.
     */
    private static boolean drained(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_DRAIN) return false;
        try {
            InputStream in = request.getInputStream();
            byte[] chunk = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(chunk)) > 0; ) {
                total += n;
                if (total > MAX_DRAIN) return false;
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static HttpServletRequest limitBody(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY) {
            throw tooLarge();
        }
        if (length >= 0 || request.getHeader("Transfer-Encoding") == null) {
            return request;
        }
        // Chunked: read at most one byte past the limit, then hand Spark the bytes we read.
        // The stream stays open: a refused body's rest is drained from it (see drained).
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        InputStream in = request.getInputStream();
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) > 0; ) {
            buffer.write(chunk, 0, n);
            if (buffer.size() > MAX_BODY) {
                throw tooLarge();
            }
        }
        return new BufferedRequest(request, buffer.toByteArray());
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "payload_too_large", "The request body is over " + MAX_BODY / 1024 + " KiB.");
    }

    /** A request whose body was already read into memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
