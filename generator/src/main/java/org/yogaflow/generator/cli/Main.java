package org.yogaflow.generator.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Entry point of the {@code yogaflow} command. */
public final class Main {

    /**
     * The subcommands. When the first argument names one, only that one is made: picocli reads
     * the annotations of every command it is given, which costs a cold start about 0.1 s for all.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("build", BuildCommand::new);
        SUBCOMMANDS.put("validate", ValidateCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("dev", DevCommand::new);
        SUBCOMMANDS.put("search", SearchCommand::new);
        SUBCOMMANDS.put("new", NewCommand::new);
    }

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs the CLI with the given writers and returns the exit code; tests call this directly. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new YogaflowCommand());
        String named = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
        SUBCOMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) cli.addSubcommand(name, command.get());
        });
        if (named == null) cli.addSubcommand("help", new CommandLine.HelpCommand());
        cli.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::handleException)
                .setParameterExceptionHandler(Main::handleUsageError);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.FAILURE;
    }

    /** Unexpected failures: one clear line, the stack trace only with --verbose. */
    private static int handleException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String message = describe(e);
        err.println("error: " + message);
        // The last clause of the message ("…: Attribute x does not exist") often repeats the cause's.
        String tail = message.substring(message.indexOf(": ") + 1).strip();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String detail = describe(cause);
            if (!message.contains(detail) && !detail.contains(tail)) {
                err.println("  caused by: " + detail);
            }
        }
        if (YogaflowCommand.verbose(cmd)) {
            e.printStackTrace(err);
        } else {
            err.println("Run again with --verbose for the full stack trace.");
        }
        return ExitCodes.FAILURE;
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
