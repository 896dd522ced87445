package org.yogaflow.generator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: {@code yogaflow <build|validate|serve|dev|search|new>} (its subcommands: {@link Main}). */
@Command(name = "yogaflow",
        mixinStandardHelpOptions = true,
        version = "yogaflow 0.1.0",
        description = "Builds a yoga studio's static site from poses and sequences kept in Git.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:failure other than content (usage, theme, disk, bug)",
                "2:invalid content: every problem is printed as path:line:column"})
public final class YogaflowCommand implements Runnable {

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print stage timings and stack traces of unexpected errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static boolean verbose(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) root = root.getParent();
        return ((YogaflowCommand) root.getCommand()).verbose;
    }
}
