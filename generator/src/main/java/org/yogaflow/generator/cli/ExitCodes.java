package org.yogaflow.generator.cli;

/** The process exit codes of {@code yogaflow}, documented in {@code --help} and README. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Anything but bad content: wrong usage, a broken theme, an unwritable folder, a bug. */
    public static final int FAILURE = 1;
    /** The content has errors (or warnings, with --strict); every problem was printed. */
    public static final int INVALID_CONTENT = 2;

    private ExitCodes() {}
}
