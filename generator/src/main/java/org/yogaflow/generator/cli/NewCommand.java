package org.yogaflow.generator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yogaflow.generator.content.ContentLoader;
import org.yogaflow.generator.content.Scaffold;
import org.yogaflow.generator.diag.Diagnostics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Scaffolds a new, valid content file with a comment on every field.
 * Example: {@code yogaflow new pose "Half Moon Pose"} writes content/poses/half-moon-pose.md
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a pose or sequence file from a commented template.",
        subcommands = {NewCommand.PoseCommand.class, NewCommand.SequenceCommand.class})
final class NewCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    abstract static class Create implements Callable<Integer> {
        @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
                description = "Content folder (default: ${DEFAULT-VALUE}).")
        Path content;

        @Option(names = "--force", description = "Overwrite the file if it exists.")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract String title();

        abstract Path file(String slug);

        abstract String text(Scaffold scaffold);

        @Override
        public Integer call() throws IOException {
            String title = title().strip();
            if (title.isEmpty()) {
                spec.commandLine().getErr().println("error: the name must not be empty");
                return ExitCodes.FAILURE;
            }
            Path file = file(ContentLoader.slugify(title));
            if (Files.exists(file) && !force) {
                spec.commandLine().getErr().println("error: " + file + " already exists (use --force to overwrite)");
                return ExitCodes.FAILURE;
            }
            Scaffold scaffold = Scaffold.from(ContentLoader.load(content, new Diagnostics()));
            Files.createDirectories(file.getParent());
            Files.writeString(file, text(scaffold));
            spec.commandLine().getOut().println("created " + file);
            return ExitCodes.OK;
        }
    }

    @Command(name = "pose", mixinStandardHelpOptions = true, description = "Create content/poses/<slug>.md.")
    static final class PoseCommand extends Create {
        @Parameters(paramLabel = "NAME", description = "English name, e.g. \"Half Moon Pose\".")
        String name;

        @Override
        String title() {
            return name;
        }

        @Override
        Path file(String slug) {
            return content.resolve("poses").resolve(slug + ".md");
        }

        @Override
        String text(Scaffold scaffold) {
            return scaffold.pose(name.strip());
        }
    }

    @Command(name = "sequence", mixinStandardHelpOptions = true, description = "Create content/sequences/<slug>.yaml.")
    static final class SequenceCommand extends Create {
        @Parameters(paramLabel = "TITLE", description = "Title of the class, e.g. \"Sunday Slow Flow\".")
        String title;

        @Override
        String title() {
            return title;
        }

        @Override
        Path file(String slug) {
            return content.resolve("sequences").resolve(slug + ".yaml");
        }

        @Override
        String text(Scaffold scaffold) {
            return scaffold.sequence(title.strip());
        }
    }
}
