package org.yogaflow.generator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole product on one machine, for instructors and developers: the site built, served
 * and rebuilt on every change ({@code serve --watch}), and the account API beside it in the
 * same process, with its SQLite database and email outbox under {@code --data}, allowing the
 * site's origin, and the site built to call it.
 * The API's classes load only here, in {@link DevSite}, not when another command runs.
 * Example: {@code yogaflow dev}, then open http://localhost:8080/ (Ctrl-C stops both).
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Build and serve the site with live reload, and run the account API beside it "
                + "(SQLite and an email outbox under --data). Ctrl-C stops both.",
                "Every YOGAFLOW_* variable of account-api/README.md applies, except the port, data folder, "
                        + "site URL, catalog and mode, which this command sets."})
final class DevCommand implements Callable<Integer> {

    @Mixin
    BuildFlags flags;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port of the site; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--api-port", paramLabel = "N", defaultValue = "8081",
            description = "Port of the account API; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "The API's database, development secret and outbox/ (default: ${DEFAULT-VALUE}).")
    Path data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DevSite running = DevSite.start(this, System.getenv(), out, spec.commandLine().getErr());
        out.println("site:        " + running.preview().url() + " (rebuilt when content/ or the theme changes)");
        out.println("account API: " + running.apiUrl() + "/health");
        out.println("emails:      " + data.resolve("outbox").toAbsolutePath() + "/ (verification and reset links)");
        out.println("Ctrl-C stops both.");
        out.flush();
        UntilStopped.await(running);
        return ExitCodes.OK;
    }
}
