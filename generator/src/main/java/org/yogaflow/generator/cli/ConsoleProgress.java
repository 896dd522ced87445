package org.yogaflow.generator.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.yogaflow.generator.build.Progress;

/**
 * Shows a long stage's progress on stderr: a bar redrawn in place on an interactive terminal,
 * and on anything else (CI logs, pipes) a plain line at every tenth, so logs stay readable.
 */
final class ConsoleProgress implements Progress {

    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean interactive;
    private final AtomicInteger done = new AtomicInteger();
    private volatile String what = "";
    private volatile int total;
    private long lastDraw;
    private int lastTenth;

    ConsoleProgress(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    /** Whether stderr is a terminal a person watches (not CI, not a pipe). */
    static boolean isInteractive() {
        if (System.getenv("CI") != null) return false;
        Console console = System.console();
        if (console == null) return false;
        try { // Console.isTerminal() exists from JDK 22; before that, a console means a terminal
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void start(String what, int total) {
        this.what = what;
        this.total = total;
        done.set(0);
        lastTenth = 0;
        lastDraw = 0;
        if (total > 0 && !interactive) err.println("images: " + total + " " + what + " to process");
    }

    @Override
    public void advance() {
        int n = done.incrementAndGet();
        synchronized (this) {
            if (total == 0) return;
            if (interactive) {
                long now = System.nanoTime();
                if (n == total || now - lastDraw > 100_000_000L) {
                    lastDraw = now;
                    int filled = BAR * n / total;
                    err.print("\r  images [" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + n + "/" + total
                            + " " + what);
                    err.flush();
                }
            } else {
                int tenth = 10 * n / total;
                if (tenth > lastTenth && n < total) {
                    lastTenth = tenth;
                    err.println("images: " + n + "/" + total + " " + what);
                }
            }
        }
    }

    @Override
    public synchronized void finish() {
        if (interactive && total > 0) {
            err.print("\r\033[K"); // the summary line replaces the bar
            err.flush();
        }
    }
}
