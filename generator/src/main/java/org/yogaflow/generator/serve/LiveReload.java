package org.yogaflow.generator.serve;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.yogaflow.generator.diag.Diagnostic;

/**
 * Tells open pages, over server-sent events, that the site was rebuilt ({@code reload}) or that
 * the last build failed ({@code problems}, with each error's file, line and message; the page
 * shows them over the last good site). A page that connects while the build is broken gets the
 * problems at once.
 */
public final class LiveReload {

    private static final String STOP = "";
    /** A comment line now and then, so proxies and browsers keep an idle stream open. */
    private static final long HEARTBEAT_SECONDS = 15;

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile String problems; // the event of the failed last build; null when it succeeded

    /** The site was rebuilt successfully: every page reloads. */
    public void reload() {
        problems = null;
        broadcast(event("reload", "{}"));
    }

    /** The last build failed with these errors; the served site is the last good one. */
    public void failed(List<Diagnostic> errors) {
        String json = errors.stream().map(d -> "{\"path\":" + quote(d.position().path())
                        + ",\"line\":" + d.position().line() + ",\"column\":" + d.position().column()
                        + ",\"message\":" + quote(d.message()) + ",\"hint\":" + quote(d.hint() == null ? "" : d.hint()) + "}")
                .collect(Collectors.joining(",", "{\"errors\":[", "]}"));
        problems = event("problems", json);
        broadcast(problems);
    }

    /** Whether the last build failed. */
    public boolean broken() {
        return problems != null;
    }

    /** Streams events to one page until it goes away or {@link #close} is called. */
    void stream(OutputStream out) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        String now = problems;
        if (now != null) queue.add(now);
        clients.add(queue);
        try {
            write(out, "retry: 1000\n\n");
            while (true) {
                String event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (STOP.equals(event)) return;
                write(out, event == null ? ": heartbeat\n\n" : event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
        }
    }

    /** Ends every open stream. */
    void close() {
        clients.forEach(q -> q.add(STOP));
    }

    private void broadcast(String event) {
        clients.forEach(q -> q.add(event));
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String event(String name, String json) {
        return "event: " + name + "\ndata: " + json + "\n\n";
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
