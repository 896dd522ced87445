package org.yogaflow.generator.content;

import java.nio.file.Path;
import org.yogaflow.generator.cache.Signature;
import org.yogaflow.generator.diag.Position;

/**
 * A content file as read from disk: where it lives, the path shown to users, and its text.
 *
 * @param file        the file on disk
 * @param displayPath the path printed in messages, relative to the folder that holds the
 *                    content folder (e.g. {@code content/poses/tree.md}), with forward slashes
 * @param text        the whole file, decoded as UTF-8, without a byte-order mark
 * @param textHash    a signature of the text, kept when the text is dropped: what tells a
 *                    build that a pose or sequence is the same as in the last build
 */
public record SourceFile(Path file, String displayPath, String text, String textHash) {

    public SourceFile(Path file, String displayPath, String text) {
        this(file, displayPath, text, Signature.of(text));
    }

    public Position at(int line, int column) {
        return new Position(displayPath, line, column);
    }

    public Position whole() {
        return Position.file(displayPath);
    }

    /** This file without its text, to remember where something came from. */
    public SourceFile withoutText() {
        return text.isEmpty() ? this : new SourceFile(file, displayPath, "", textHash);
    }

    /** The file name without its extension, which is the slug of a pose or sequence. */
    public String baseName() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
