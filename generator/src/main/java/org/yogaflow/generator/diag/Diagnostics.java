package org.yogaflow.generator.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every content problem found in a run, so that all of them are reported at once.
 * Thread-safe: loaders and rules may report from parallel workers.
 */
public final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();

    public synchronized void add(Diagnostic diagnostic) {
        all.add(diagnostic);
    }

    public void error(Position at, String message, String hint) {
        add(new Diagnostic(at, Severity.ERROR, message, hint));
    }

    public void error(Position at, String message) {
        error(at, message, null);
    }

    public void warning(Position at, String message, String hint) {
        add(new Diagnostic(at, Severity.WARNING, message, hint));
    }

    /** Every diagnostic, ordered by path, line and column, so output is stable. */
    public synchronized List<Diagnostic> sorted() {
        return all.stream().sorted().distinct().toList();
    }

    public synchronized boolean isEmpty() {
        return all.isEmpty();
    }

    public synchronized long count(Severity severity) {
        return all.stream().filter(d -> d.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** True when the build must stop: any error, or any warning when warnings are strict. */
    public boolean fails(boolean strict) {
        return hasErrors() || (strict && count(Severity.WARNING) > 0);
    }
}
