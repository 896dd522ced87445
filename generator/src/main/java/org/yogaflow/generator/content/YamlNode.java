package org.yogaflow.generator.content;

import java.util.List;
import java.util.Map;
import org.yogaflow.generator.diag.Position;

/**
 * A parsed YAML value that remembers where it came from, so every message can name the
 * exact line and column. Built by {@link YamlReader}; read into records by {@link Fields}.
 */
public sealed interface YamlNode {

    Position position();

    /** What a user would call this kind of value in a message. */
    String kind();

    /** A string, number, boolean or null. {@code value} is a String, Long, Double, Boolean or null. */
    record Scalar(Object value, Position position) implements YamlNode {
        @Override
        public String kind() {
            if (value == null) return "nothing";
            if (value instanceof String) return "text";
            if (value instanceof Boolean) return "true/false";
            return "a number";
        }
    }

    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping; keys keep file order. Each entry knows where its key was written. */
    record Mapping(Map<String, Entry> entries, Position position) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping of fields";
        }
    }

    record Entry(String key, Position keyPosition, YamlNode value) {}
}
