package org.yogaflow.generator.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.yogaflow.generator.serve.SiteServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Serves a built site on localhost until interrupted.
 * Example: {@code yogaflow serve --out public --port 8080}, then open http://localhost:8080/
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the built site on http://localhost:PORT/ (Ctrl-C to stop).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "public",
            description = "Folder of the built site (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isRegularFile(out.resolve("index.html"))) {
            spec.commandLine().getErr().println("error: no built site in " + out + " (run 'yogaflow build' first)");
            return ExitCodes.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SiteServer server = SiteServer.start(out, port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stdout.println("serving " + out + " at http://localhost:" + server.port() + "/ (Ctrl-C to stop)");
            stdout.flush();
            stopped.await();
        }
        return ExitCodes.OK;
    }
}
