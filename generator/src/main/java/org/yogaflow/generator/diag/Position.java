package org.yogaflow.generator.diag;

import java.util.Comparator;

/**
 * A place in a content file: the path relative to the project root (with forward slashes),
 * and a 1-based line and column. Line 0 means "the file as a whole".
 */
public record Position(String path, int line, int column) implements Comparable<Position> {

    private static final Comparator<Position> ORDER = Comparator.comparing(Position::path)
            .thenComparingInt(Position::line)
            .thenComparingInt(Position::column);

    public static Position file(String path) {
        return new Position(path, 0, 0);
    }

    @Override
    public int compareTo(Position other) {
        return ORDER.compare(this, other);
    }

    /** {@code path:line:column}, or just {@code path} for a whole-file position. */
    @Override
    public String toString() {
        return line <= 0 ? path : path + ":" + line + ":" + Math.max(column, 1);
    }
}
