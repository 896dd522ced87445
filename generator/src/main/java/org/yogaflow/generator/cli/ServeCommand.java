package org.yogaflow.generator.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yogaflow.generator.serve.SiteServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Serves a built site on localhost until interrupted, with the headers of its {@code _headers}
 * file; with {@code --watch}, builds it first and again on every change, reloading open pages.
 * Example: {@code yogaflow serve --watch --port 8080}, then open http://localhost:8080/
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the built site on http://localhost:PORT/ (Ctrl-C to stop).",
                "With --watch: build it, and build again when content/ or the theme changes; open pages "
                        + "reload, or show the errors of a failed build over the last good site. The build "
                        + "options apply with --watch only."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    BuildFlags flags;

    @Option(names = "--watch", description = "Rebuild on changes and reload open pages.")
    boolean watch;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Path out = flags.out;
        if (watch) {
            Preview preview = Preview.start(spec.commandLine(), flags, port, stdout, spec.commandLine().getErr());
            stdout.println("serving " + out + " at " + preview.url() + ", rebuilding on changes (Ctrl-C to stop)");
            stdout.flush();
            UntilStopped.await(preview);
            return ExitCodes.OK;
        }
        if (!Files.isRegularFile(out.resolve("index.html"))) {
            spec.commandLine().getErr().println("error: no built site in " + out + " (run 'yogaflow build' first)");
            return ExitCodes.FAILURE;
        }
        SiteServer server = SiteServer.start(out, port);
        stdout.println("serving " + out + " at http://localhost:" + server.port() + "/ (Ctrl-C to stop)");
        stdout.flush();
        UntilStopped.await(server);
        return ExitCodes.OK;
    }
}
