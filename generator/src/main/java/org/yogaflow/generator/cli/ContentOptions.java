package org.yogaflow.generator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by commands that read content. */
final class ContentOptions {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--drafts", description = "Include poses and sequences marked 'draft: true'.")
    boolean drafts;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;
}
