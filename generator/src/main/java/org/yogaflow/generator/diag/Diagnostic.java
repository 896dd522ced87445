package org.yogaflow.generator.diag;

/**
 * One content problem: where it is, how serious, what is wrong, and (optionally) what to do.
 * Printed as {@code path:line:col: error: message} with the hint on an indented second line.
 */
public record Diagnostic(Position position, Severity severity, String message, String hint)
        implements Comparable<Diagnostic> {

    public Diagnostic {
        hint = hint == null || hint.isBlank() ? null : hint;
    }

    @Override
    public int compareTo(Diagnostic other) {
        int byPosition = position.compareTo(other.position);
        return byPosition != 0 ? byPosition : message.compareTo(other.message);
    }

    public String format() {
        String head = position + ": " + severity.label() + ": " + message;
        return hint == null ? head : head + System.lineSeparator() + "    hint: " + hint;
    }
}
