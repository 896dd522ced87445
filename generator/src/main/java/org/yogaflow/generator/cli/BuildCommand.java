package org.yogaflow.generator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.yogaflow.generator.build.BuildOptions;
import org.yogaflow.generator.build.BuildReport;
import org.yogaflow.generator.build.Pipeline;
import org.yogaflow.generator.diag.Diagnostics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Validates the content and, if it is valid, renders the site and publishes it atomically.
 * Example: {@code yogaflow build --out public --base-url https://studio.example/}
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Validate the content and build the static site.",
                "The site is rendered into a staging folder beside --out and swapped in only when "
                        + "every stage succeeded: a failed build leaves the previous site untouched."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:site built", "1:other failure (theme, disk, usage)",
                "2:content has errors (or warnings, with --strict); nothing was published"})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    BuildFlags flags;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics settings = new Diagnostics();
        BuildOptions options = flags.options(spec.commandLine(), null, null, settings);
        if (settings.hasErrors()) {
            // Settings unusable: still report every content problem of this run.
            BuildReport checked = new Pipeline(options).validate();
            settings.sorted().forEach(checked.diagnostics()::add);
            Reporter.diagnostics(checked.diagnostics(), err);
            err.println("build failed: " + Reporter.counts(checked.diagnostics()) + "; " + flags.out + " was not changed");
            return ExitCodes.INVALID_CONTENT;
        }
        BuildReport report = new Pipeline(options, new ConsoleProgress(err, ConsoleProgress.isInteractive())).build();
        settings.sorted().forEach(report.diagnostics()::add);
        if (report.upToDate()) {
            report.replayedWarnings().forEach(err::println);
            stdout.println("nothing changed since the last build: " + flags.out + " is up to date");
            return ExitCodes.OK;
        }
        Reporter.diagnostics(report.diagnostics(), err);
        Reporter.timings(report, stdout);
        if (report.images() != null) stdout.println(report.images().summary());
        if (!report.published()) {
            err.println("build failed: " + Reporter.counts(report.diagnostics()) + "; " + flags.out + " was not changed");
            return ExitCodes.INVALID_CONTENT;
        }
        stdout.printf("built %s, %s, %s (%s) in %.2f s → %s%n",
                Reporter.plural(report.poses(), "pose"), Reporter.plural(report.sequences(), "sequence"),
                Reporter.plural(report.pages(), "page"), Reporter.plural(report.photos(), "photo"),
                report.total().toMillis() / 1000.0, flags.out);
        return ExitCodes.OK;
    }
}
