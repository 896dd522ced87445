package org.yogaflow.generator.content;

import java.util.Map;
import org.yogaflow.generator.diag.Position;

/**
 * Where a pose or sequence was written: its file and the position of each field value, keyed
 * like {@code name}, {@code related[2]}, {@code steps[0].pose}. Rules use it to point at the line.
 *
 * @param fieldsHash a signature of what the file says besides a pose's Markdown instructions (the
 *                   front matter's text); for a sequence, the whole text's
 */
public record Origin(SourceFile source, Map<String, Position> positions, String fieldsHash) {

    public Origin(SourceFile source, Map<String, Position> positions) {
        this(source, positions, source.textHash());
    }

    public Origin {
        source = source.withoutText(); // parsed already; a big library need not keep every file's text
        // (A snapshot's positions are read on first use, and never changed.)
        positions = positions instanceof ContentSnapshot.Positions ? positions : Map.copyOf(positions);
    }

    /** The position of a field, of its closest enclosing field, or of the file's first line. */
    public Position at(String key) {
        String k = key;
        while (true) {
            Position p = positions.get(k);
            if (p != null) return p;
            int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
            if (cut <= 0) return positions.getOrDefault("", source.at(1, 1));
            k = k.substring(0, cut);
        }
    }

    public String path() {
        return source.displayPath();
    }
}
