package org.yogaflow.generator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.yogaflow.generator.build.BuildOptions;
import org.yogaflow.generator.build.BuildReport;
import org.yogaflow.generator.build.Pipeline;
import org.yogaflow.generator.build.Progress;
import org.yogaflow.generator.diag.Diagnostic;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Severity;
import org.yogaflow.generator.serve.LiveReload;
import org.yogaflow.generator.serve.SiteServer;
import org.yogaflow.generator.serve.Watcher;
import picocli.CommandLine;

/**
 * A site being edited: served on localhost, built once, and built again (in the same process)
 * whenever the content or the theme changes, with open pages reloaded or shown the errors. A
 * failed build leaves the last good site served. What {@code serve --watch} and {@code dev} run.
 */
final class Preview implements AutoCloseable {

    /** How long changes must settle before a rebuild. */
    static final Duration QUIET = Duration.ofMillis(150);

    private final SiteServer server;
    private final Watcher watcher;

    private Preview(SiteServer server, Watcher watcher) {
        this.server = server;
        this.watcher = watcher;
    }

    /** Starts the server on {@code port} (0: any free one), builds the site for its address and starts watching. */
    static Preview start(CommandLine cmd, BuildFlags flags, int port, PrintWriter out, PrintWriter err)
            throws IOException {
        return start(cmd, flags, port, sitePort -> null, out, err);
    }

    /**
     * The same, with the account API that {@code api} starts, given the site's port (it must allow
     * that origin), and whose URL it returns; null for none.
     */
    static Preview start(CommandLine cmd, BuildFlags flags, int port, IntFunction<String> api, PrintWriter out,
            PrintWriter err) throws IOException {
        LiveReload live = new LiveReload();
        // The server comes first: the site is built for its address, which port 0 only tells then.
        SiteServer server = SiteServer.start(flags.out, port, live);
        try {
            String url = "http://localhost:" + server.port() + "/";
            String apiUrl = api.apply(server.port());
            flags.options(cmd, url, apiUrl, new Diagnostics()); // usage errors now, not in the watcher
            Builder builder = new Builder(cmd, flags, url, apiUrl, out, err);
            Watcher.Outcome first = builder.build(new ConsoleProgress(err, ConsoleProgress.isInteractive()), null);
            if (!first.errors().isEmpty()) live.failed(first.errors());
            Watcher watcher = Watcher.start(List.of(flags.content.content, flags.theme), QUIET,
                    changed -> builder.build(Progress.NONE, changed), live);
            return new Preview(server, watcher);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    String url() {
        return "http://localhost:" + server.port() + "/";
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        server.close();
    }

    /** One build of the preview, printed like {@code yogaflow build} prints it, briefer. */
    private record Builder(CommandLine cmd, BuildFlags flags, String url, String apiUrl, PrintWriter out,
            PrintWriter err, Pipeline.Memory memory) {

        /** Content and search terms are kept in memory between builds: after an edit, only what changed is read. */
        Builder(CommandLine cmd, BuildFlags flags, String url, String apiUrl, PrintWriter out, PrintWriter err) {
            this(cmd, flags, url, apiUrl, out, err, new Pipeline.Memory());
        }

        /** @param changed what the watcher saw change since the last build; null when that is not known */
        Watcher.Outcome build(Progress progress, Set<Path> changed) {
            memory.changed(changed);
            Diagnostics settings = new Diagnostics();
            BuildOptions options = flags.options(cmd, url, apiUrl, settings);
            BuildReport report = settings.hasErrors() ? new Pipeline(options).validate()
                    : new Pipeline(options, progress, memory).build();
            settings.sorted().forEach(report.diagnostics()::add);
            if (report.upToDate()) return new Watcher.Outcome(false, List.of());
            Reporter.diagnostics(report.diagnostics(), err);
            if (!report.published()) {
                err.println("build failed: " + Reporter.counts(report.diagnostics()) + "; still serving the last good site");
                err.flush();
                boolean strict = options.strict();
                return new Watcher.Outcome(false, report.diagnostics().sorted().stream()
                        .filter(d -> d.severity() == Severity.ERROR || strict).toList());
            }
            out.printf("built %s, %s in %.2f s%n", Reporter.plural(report.poses(), "pose"),
                    Reporter.plural(report.sequences(), "sequence"), report.total().toMillis() / 1000.0);
            out.flush();
            return new Watcher.Outcome(true, List.<Diagnostic>of());
        }
    }
}
