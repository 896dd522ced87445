package org.yogaflow.generator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.yogaflow.generator.build.BuildOptions;
import org.yogaflow.generator.build.BuildReport;
import org.yogaflow.generator.build.Pipeline;
import org.yogaflow.generator.content.SiteConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Checks the content and prints every problem as {@code path:line:column: message}.
 * Example: {@code yogaflow validate --strict}
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the content (and content/site.yaml) and report every problem; writes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (and no warnings, with --strict)", "1:other failure",
                "2:content has errors (or warnings, with --strict)"})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ContentOptions content;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions options = new BuildOptions(content.content, null, null, BuildOptions.DEFAULT_BASE_URL,
                content.drafts, content.strict);
        BuildReport report = new Pipeline(options).validate();
        SiteConfig.load(content.content, report.diagnostics());
        Reporter.diagnostics(report.diagnostics(), err);
        if (YogaflowCommand.verbose(spec.commandLine())) Reporter.timings(report, out);
        int code = Reporter.exitCode(report, content.strict);
        String summary = Reporter.plural(report.poses(), "pose") + ", " + Reporter.plural(report.sequences(), "sequence")
                + ": " + Reporter.counts(report.diagnostics());
        (code == ExitCodes.OK ? out : err).println((code == ExitCodes.OK ? "ok: " : "invalid: ") + summary);
        return code;
    }
}
