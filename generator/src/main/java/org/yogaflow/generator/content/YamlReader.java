package org.yogaflow.generator.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Position;

/**
 * Parses YAML with Jackson's streaming parser into {@link YamlNode}s that carry positions.
 * Syntax errors and duplicate keys become diagnostics; nothing here throws on bad content.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {}

    /**
     * Reads one YAML document.
     *
     * @param yaml       the YAML text
     * @param source     the file it came from, for positions
     * @param lineOffset lines before the YAML in the file (front matter starts after "---")
     * @return the root node, or empty when the text has a syntax error or is empty
     */
    public static Optional<YamlNode> read(String yaml, SourceFile source, int lineOffset, Diagnostics diagnostics) {
        Optional<YamlNode> plain = PlainYaml.read(yaml, source, lineOffset);
        return plain.isPresent() ? plain : readWithJackson(yaml, source, lineOffset, diagnostics);
    }

    /** The full parser, for everything {@link PlainYaml} declines (and for tests that compare the two). */
    static Optional<YamlNode> readWithJackson(String yaml, SourceFile source, int lineOffset, Diagnostics diagnostics) {
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            return Optional.of(readValue(parser, source, lineOffset, diagnostics));
        } catch (JsonProcessingException e) {
            syntaxError(e, source, lineOffset, diagnostics);
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error(source.whole(), "cannot read YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static YamlNode readValue(JsonParser p, SourceFile source, int lineOffset, Diagnostics diagnostics)
            throws IOException {
        Position at = position(p, source, lineOffset);
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Position keyAt = position(p, source, lineOffset);
                    p.nextToken();
                    YamlNode value = readValue(p, source, lineOffset, diagnostics);
                    YamlNode.Entry previous = entries.putIfAbsent(key, new YamlNode.Entry(key, keyAt, value));
                    if (previous != null) {
                        diagnostics.error(keyAt, "duplicate key '" + key + "' (first set on line "
                                + previous.keyPosition().line() + ")", "keep only one '" + key + ":' line");
                    }
                }
                return new YamlNode.Mapping(entries, at);
            }
            case START_ARRAY -> {
                var items = new ArrayList<YamlNode>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, source, lineOffset, diagnostics));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(p.getText(), at);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(p.getLongValue(), at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(p.getDoubleValue(), at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(token == JsonToken.VALUE_TRUE, at);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, at);
            }
            default -> {
                // Embedded binary (!!binary) and the like: keep the text, rules reject it by type.
                return new YamlNode.Scalar(p.getText(), at);
            }
        }
    }

    private static Position position(JsonParser p, SourceFile source, int lineOffset) {
        JsonLocation where = p.currentTokenLocation();
        return source.at(lineOffset + where.getLineNr(), where.getColumnNr());
    }

    /** Reports SnakeYAML's problem at its own mark, which is more precise than Jackson's location. */
    private static void syntaxError(JsonProcessingException e, SourceFile source, int lineOffset, Diagnostics diagnostics) {
        String message;
        Position at;
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            at = source.at(lineOffset + mark.getLine() + 1, mark.getColumn() + 1);
            message = yaml.getProblem();
            if (yaml.getContext() != null && yaml.getContextMark() != null) {
                message += " (" + yaml.getContext() + " that starts on line "
                        + (lineOffset + yaml.getContextMark().getLine() + 1) + ")";
            }
        } else {
            JsonLocation where = e.getLocation();
            at = where == null ? source.at(lineOffset + 1, 1)
                    : source.at(lineOffset + Math.max(where.getLineNr(), 1), Math.max(where.getColumnNr(), 1));
            message = firstLine(e.getOriginalMessage());
        }
        String hint;
        if (message.contains("(TAB)")) {
            message = "a tab character cannot indent YAML";
            hint = "indent with spaces instead (set your editor to insert spaces for Tab)";
        } else if (message.contains("mapping values are not allowed")) {
            hint = "put the value in quotes when it contains ': ', e.g. cue: \"Inhale: lift the chest\"";
        } else {
            hint = "check the brackets, quotes and indentation around this line";
        }
        diagnostics.error(at, "invalid YAML: " + message, hint);
    }

    private static String firstLine(String message) {
        if (message == null) return "syntax error";
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
