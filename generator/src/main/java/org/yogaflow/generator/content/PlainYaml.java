package org.yogaflow.generator.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yogaflow.generator.diag.Position;

/**
 * A fast reader for the plain YAML that nearly every content file is written in: block
 * mappings and sequences, one-line flow lists and mappings, plain, quoted and literal-block
 * text, whole numbers, true/false, comments. It gives exactly the tree (values and positions)
 * that {@link YamlReader}'s Jackson path gives, and declines everything else, so the caller
 * falls back to Jackson: anything unusual, and every error, keeps the full parser's handling
 * and messages. Parsing ten thousand front matters with Jackson is most of a cold build's
 * load stage; this takes a fraction of that.
 */
final class PlainYaml {

    /** Thrown when the text is outside the subset: the caller uses Jackson instead. */
    private static final class Decline extends RuntimeException {
        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final String[] lines;
    private final SourceFile source;
    private final int lineOffset;
    private int line; // index of the current line

    private PlainYaml(String yaml, SourceFile source, int lineOffset) {
        this.lines = yaml.split("\n", -1);
        this.source = source;
        this.lineOffset = lineOffset;
    }

    /** The document's tree, or empty when the text is not in the subset (or empty). */
    static Optional<YamlNode> read(String yaml, SourceFile source, int lineOffset) {
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            // Tabs, carriage returns, control characters and characters outside the BMP (where
            // SnakeYAML's columns, in code points, differ from ours) are left to Jackson.
            if ((c < ' ' && c != '\n') || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c >= 0xFEFF) {
                return Optional.empty();
            }
        }
        PlainYaml reader = new PlainYaml(yaml, source, lineOffset);
        try {
            reader.skipBlank();
            if (reader.line >= reader.lines.length) return Optional.empty();
            YamlNode root = reader.blockNode(reader.indent(reader.line), -1);
            reader.skipBlank();
            return reader.line < reader.lines.length ? Optional.empty() : Optional.of(root);
        } catch (Decline e) {
            return Optional.empty();
        }
    }

    private Position at(int lineIndex, int column) {
        return source.at(lineOffset + lineIndex + 1, column + 1);
    }

    /** Moves past empty and comment-only lines. */
    private void skipBlank() {
        while (line < lines.length) {
            String l = lines[line];
            int i = indent(line);
            if (i < l.length() && l.charAt(i) != '#') return;
            line++;
        }
    }

    private int indent(int lineIndex) {
        String l = lines[lineIndex];
        int i = 0;
        while (i < l.length() && l.charAt(i) == ' ') i++;
        return i;
    }

    /** A block mapping or sequence starting at the current line, whose items sit at {@code indent}. */
    private YamlNode blockNode(int indent, int parentIndent) {
        String l = lines[line];
        if (indent <= parentIndent) throw DECLINE;
        if (l.startsWith("---", indent) || l.startsWith("...", indent) || l.charAt(indent) == '%') throw DECLINE;
        if (isDash(line, indent)) {
            return blockSequence(indent);
        }
        return blockMapping(indent, indent);
    }

    /** A block mapping whose keys sit at {@code indent}; the first key is on the current line at {@code firstColumn}. */
    private YamlNode blockMapping(int indent, int firstColumn) {
        Position start = at(line, firstColumn);
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        int column = firstColumn;
        while (true) {
            String l = lines[line];
            int keyEnd = column;
            while (keyEnd < l.length() && isKeyChar(l.charAt(keyEnd))) keyEnd++;
            if (keyEnd == column || !Character.isLetter(l.charAt(column)) || keyEnd >= l.length()
                    || l.charAt(keyEnd) != ':') {
                throw DECLINE;
            }
            String key = l.substring(column, keyEnd);
            Position keyAt = at(line, column);
            int valueStart = skipSpaces(l, keyEnd + 1);
            if (valueStart == keyEnd + 1 && valueStart < l.length()) throw DECLINE; // "key:value"
            YamlNode value;
            if (valueStart >= l.length() || l.charAt(valueStart) == '#') {
                // The value is a block collection on the following lines (an empty value is declined).
                line++;
                skipBlank();
                if (line >= lines.length) throw DECLINE;
                int childIndent = indent(line);
                boolean dash = isDash(line, childIndent);
                // A sequence may sit at the key's own indentation; a mapping must be deeper.
                if (childIndent < indent || (childIndent == indent && !dash)) throw DECLINE;
                value = blockNode(childIndent, dash ? indent - 1 : indent);
            } else {
                value = inlineValue(valueStart, indent);
            }
            if (entries.putIfAbsent(key, new YamlNode.Entry(key, keyAt, value)) != null) {
                throw DECLINE; // Jackson's path reports the duplicate
            }
            skipBlank();
            if (line >= lines.length) break;
            int next = indent(line);
            if (next < indent) break;
            if (next > indent) throw DECLINE;
            if (isDash(line, next)) break; // a sequence item of the parent
            column = indent;
        }
        return new YamlNode.Mapping(entries, start);
    }

    private YamlNode blockSequence(int indent) {
        Position start = at(line, indent);
        List<YamlNode> items = new ArrayList<>();
        while (true) {
            String l = lines[line];
            if (!isDash(line, indent) || l.length() == indent + 1) throw DECLINE;
            int itemStart = skipSpaces(l, indent + 1);
            if (itemStart >= l.length() || l.charAt(itemStart) == '#' || l.charAt(itemStart) == '-') throw DECLINE;
            if (startsMappingEntry(l, itemStart)) {
                items.add(blockMapping(itemStart, itemStart));
            } else {
                items.add(inlineValue(itemStart, indent));
            }
            skipBlank();
            if (line >= lines.length) break;
            int next = indent(line);
            if (next < indent) break;
            if (next > indent || !isDash(line, next)) {
                if (next == indent) break; // a key of the parent mapping (indentless sequence)
                throw DECLINE;
            }
        }
        return new YamlNode.Sequence(items, start);
    }

    /** Whether a block sequence entry ("- ") starts at {@code column} of the line. */
    private boolean isDash(int lineIndex, int column) {
        String l = lines[lineIndex];
        return l.charAt(column) == '-' && (l.length() == column + 1 || l.charAt(column + 1) == ' ');
    }

    private static boolean startsMappingEntry(String l, int from) {
        int i = from;
        while (i < l.length() && isKeyChar(l.charAt(i))) i++;
        return i > from && i < l.length() && l.charAt(i) == ':' && (i + 1 == l.length() || l.charAt(i + 1) == ' ');
    }

    /**
     * A value that starts on the current line at {@code from}: a scalar, a one-line flow
     * collection or a literal block. Moves to the next line. {@code parentIndent} is the
     * indentation of the mapping key or sequence dash it belongs to.
     */
    private YamlNode inlineValue(int from, int parentIndent) {
        String l = lines[line];
        char c = l.charAt(from);
        YamlNode value;
        int end;
        if (c == '[' || c == '{') {
            int[] pos = {from};
            value = c == '[' ? flowSequence(l, pos) : flowMapping(l, pos);
            end = pos[0];
        } else if (c == '|') {
            return literalBlock(from, parentIndent);
        } else {
            int[] pos = {from};
            value = scalar(l, pos, false);
            end = pos[0];
        }
        end = skipSpaces(l, end);
        if (end < l.length() && (l.charAt(end) != '#' || l.charAt(end - 1) != ' ')) throw DECLINE;
        line++;
        // A more indented line next would continue a multi-line plain scalar: not in the subset.
        skipBlank();
        if (line < lines.length && indent(line) > parentIndent) throw DECLINE;
        return value;
    }

    /** "| " literal block scalar with the default (clip) chomping. */
    private YamlNode literalBlock(int from, int parentIndent) {
        String l = lines[line];
        Position at = at(line, from);
        int after = skipSpaces(l, from + 1);
        if (after != l.length()) throw DECLINE; // |-, |+, |2, or a comment: leave to Jackson
        line++;
        int contentIndent = -1;
        StringBuilder text = new StringBuilder();
        int pendingBlank = 0;
        while (line < lines.length) {
            String b = lines[line];
            if (b.isEmpty()) {
                pendingBlank++;
                line++;
                continue;
            }
            int i = indent(line);
            if (i == b.length()) throw DECLINE; // a line of only spaces
            if (contentIndent < 0) {
                if (i <= parentIndent) throw DECLINE; // empty block
                contentIndent = i;
            }
            if (i < contentIndent) {
                if (i > parentIndent) throw DECLINE;
                break;
            }
            if (text.length() > 0 || pendingBlank > 0) {
                text.append("\n".repeat(text.length() > 0 ? pendingBlank + 1 : pendingBlank));
            }
            pendingBlank = 0;
            text.append(b, contentIndent, b.length());
            line++;
        }
        if (contentIndent < 0) throw DECLINE;
        // Trailing blank lines end the block; the lines after it belong to the parent.
        text.append('\n');
        return new YamlNode.Scalar(text.toString(), at);
    }

    private YamlNode flowSequence(String l, int[] pos) {
        Position at = at(line, pos[0]);
        List<YamlNode> items = new ArrayList<>();
        int i = skipSpaces(l, pos[0] + 1);
        if (i < l.length() && l.charAt(i) == ']') {
            pos[0] = i + 1;
            return new YamlNode.Sequence(items, at);
        }
        while (true) {
            pos[0] = i;
            items.add(scalar(l, pos, true));
            i = skipSpaces(l, pos[0]);
            if (i >= l.length()) throw DECLINE;
            if (l.charAt(i) == ']') {
                pos[0] = i + 1;
                return new YamlNode.Sequence(items, at);
            }
            if (l.charAt(i) != ',') throw DECLINE;
            i = skipSpaces(l, i + 1);
            if (i >= l.length() || l.charAt(i) == ']') throw DECLINE;
        }
    }

    private YamlNode flowMapping(String l, int[] pos) {
        Position at = at(line, pos[0]);
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        int i = skipSpaces(l, pos[0] + 1);
        if (i < l.length() && l.charAt(i) == '}') {
            pos[0] = i + 1;
            return new YamlNode.Mapping(entries, at);
        }
        while (true) {
            int keyEnd = i;
            while (keyEnd < l.length() && isKeyChar(l.charAt(keyEnd))) keyEnd++;
            if (keyEnd == i || !Character.isLetter(l.charAt(i)) || keyEnd + 1 >= l.length()
                    || l.charAt(keyEnd) != ':' || l.charAt(keyEnd + 1) != ' ') {
                throw DECLINE;
            }
            String key = l.substring(i, keyEnd);
            Position keyAt = at(line, i);
            pos[0] = skipSpaces(l, keyEnd + 1);
            YamlNode value = scalar(l, pos, true);
            if (entries.putIfAbsent(key, new YamlNode.Entry(key, keyAt, value)) != null) throw DECLINE;
            i = skipSpaces(l, pos[0]);
            if (i >= l.length()) throw DECLINE;
            if (l.charAt(i) == '}') {
                pos[0] = i + 1;
                return new YamlNode.Mapping(entries, at);
            }
            if (l.charAt(i) != ',') throw DECLINE;
            i = skipSpaces(l, i + 1);
        }
    }

    /** A quoted or plain scalar at {@code pos[0]}; leaves {@code pos[0]} just after it. */
    private YamlNode scalar(String l, int[] pos, boolean flow) {
        int from = pos[0];
        if (from >= l.length()) throw DECLINE;
        Position at = at(line, from);
        char c = l.charAt(from);
        if (c == '"' || c == '\'') {
            int close = l.indexOf(c, from + 1);
            if (close < 0) throw DECLINE;
            String text = l.substring(from + 1, close);
            if (c == '"' && text.indexOf('\\') >= 0) throw DECLINE;
            if (c == '\'' && close + 1 < l.length() && l.charAt(close + 1) == '\'') throw DECLINE; // '' escape
            pos[0] = close + 1;
            if (pos[0] < l.length() && l.charAt(pos[0]) != ' ' && !(flow && (l.charAt(pos[0]) == ','
                    || l.charAt(pos[0]) == ']' || l.charAt(pos[0]) == '}'))) {
                throw DECLINE;
            }
            return new YamlNode.Scalar(text, at);
        }
        int end = from;
        while (end < l.length()) {
            char e = l.charAt(end);
            if (e == ':' && (end + 1 == l.length() || l.charAt(end + 1) == ' ' || flow)) throw DECLINE;
            if (e == '#' && l.charAt(end - 1) == ' ') break;
            if (flow && (e == '[' || e == '{' || e == '?')) throw DECLINE;
            if (flow && (e == ',' || e == ']' || e == '}')) break;
            end++;
        }
        int stop = end;
        while (stop > from && l.charAt(stop - 1) == ' ') stop--;
        String text = l.substring(from, stop);
        pos[0] = stop;
        return new YamlNode.Scalar(plainValue(text), at);
    }

    /** A plain scalar's value as YAML 1.1 (Jackson) reads it; declines anything not plainly text or a whole number. */
    private static Object plainValue(String text) {
        if (text.isEmpty()) throw DECLINE;
        char first = text.charAt(0);
        if (first >= '0' && first <= '9') {
            if (text.length() > 18 || (first == '0' && text.length() > 1)) throw DECLINE;
            for (int i = 1; i < text.length(); i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') throw DECLINE;
            }
            return Long.parseLong(text);
        }
        if (!Character.isLetter(first)) throw DECLINE; // indicators, signs, '.', '~' …
        switch (text) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            default: break;
        }
        if (text.length() <= 5) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "y", "n", "yes", "no", "on", "off", "true", "false", "null" -> throw DECLINE;
                default -> { }
            }
        }
        return text;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static int skipSpaces(String l, int from) {
        int i = from;
        while (i < l.length() && l.charAt(i) == ' ') i++;
        return i;
    }
}
