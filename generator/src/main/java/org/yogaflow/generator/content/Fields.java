package org.yogaflow.generator.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Position;
import org.yogaflow.generator.diag.Suggest;

/**
 * Reads typed fields out of one YAML mapping, reporting every missing, mistyped or unknown
 * field as a diagnostic and remembering where each value was written (see {@link Origin}).
 * Each getter returns a usable default after reporting, so one bad field never hides the next.
 */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final Diagnostics diagnostics;
    private final Map<String, Position> positions;
    private final String prefix;
    private final String what;
    private final Set<String> asked = new LinkedHashSet<>();

    /**
     * @param what      what the mapping describes, for messages ("pose", "step 3")
     * @param prefix    prepended to recorded position keys, e.g. "steps[2]."
     * @param positions where value positions are recorded
     */
    Fields(YamlNode.Mapping mapping, String what, String prefix, Map<String, Position> positions,
            Diagnostics diagnostics) {
        this.mapping = mapping;
        this.what = what;
        this.prefix = prefix;
        this.positions = positions;
        this.diagnostics = diagnostics;
        positions.putIfAbsent(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), mapping.position());
    }

    Position position() {
        return mapping.position();
    }

    /** The value of {@code key}, or empty when it is absent or explicitly null. */
    Optional<YamlNode> node(String key) {
        asked.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null) return Optional.empty();
        positions.put(prefix + key, entry.value().position());
        if (entry.value() instanceof YamlNode.Scalar s && s.value() == null) return Optional.empty();
        return Optional.of(entry.value());
    }

    String requiredText(String key, String example) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            diagnostics.error(mapping.position(), what + " is missing required field '" + key + "'",
                    "add a line like '" + key + ": " + example + "'");
            return "";
        }
        String value = text(node.get(), key);
        if (value != null && value.isBlank()) {
            diagnostics.error(node.get().position(), "'" + key + "' is empty", "write a value, e.g. '" + key + ": " + example + "'");
        }
        return value == null ? "" : value.strip();
    }

    /** An optional text field; null when absent. */
    String optionalText(String key) {
        return node(key).map(n -> text(n, key)).map(String::strip).orElse(null);
    }

    List<String> textList(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) return List.of();
        if (node.get() instanceof YamlNode.Scalar s && s.value() instanceof String single) {
            diagnostics.error(s.position(), "'" + key + "' must be a list, not " + s.kind(),
                    "write it as a list: '" + key + ": [" + single + "]' or one '- " + single + "' per line");
            return List.of(single.strip());
        }
        List<String> values = new ArrayList<>();
        List<YamlNode> items = items(node.get(), key);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            positions.put(prefix + key + "[" + i + "]", item.position());
            String value = text(item, key);
            if (value != null && !value.isBlank()) values.add(value.strip());
        }
        return List.copyOf(values);
    }

    List<YamlNode> items(YamlNode node, String key) {
        if (node instanceof YamlNode.Sequence seq) return seq.items();
        diagnostics.error(node.position(), "'" + key + "' must be a list, not " + node.kind(),
                "write one '- item' per line under '" + key + ":'");
        return List.of();
    }

    Integer optionalInteger(String key, String unit) {
        return node(key).map(n -> integer(n, key, unit)).orElse(null);
    }

    Integer integer(YamlNode node, String key, String unit) {
        if (node instanceof YamlNode.Scalar s) {
            if (s.value() instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) return l.intValue();
            if (s.value() instanceof Double d && d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) return d.intValue();
        }
        diagnostics.error(node.position(), "'" + key + "' must be a whole number of " + unit + ", not "
                + describe(node), "write it as digits, e.g. '" + key + ": 30'");
        return null;
    }

    boolean bool(String key, boolean fallback) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) return fallback;
        if (node.get() instanceof YamlNode.Scalar s && s.value() instanceof Boolean b) return b;
        diagnostics.error(node.get().position(), "'" + key + "' must be true or false, not " + describe(node.get()),
                "write '" + key + ": true' or '" + key + ": false'");
        return fallback;
    }

    /** A value from a fixed set of slugs; reports a suggestion when the slug is unknown. */
    <E> E choice(String key, Map<String, E> bySlug, boolean required, E fallback) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            if (required) {
                diagnostics.error(mapping.position(), what + " is missing required field '" + key + "'",
                        "add '" + key + ": " + bySlug.keySet().iterator().next() + "' (one of: "
                                + String.join(", ", bySlug.keySet()) + ")");
            }
            return fallback;
        }
        String value = text(node.get(), key);
        if (value == null) return fallback;
        E found = bySlug.get(value.strip());
        if (found == null) {
            diagnostics.error(node.get().position(), "unknown " + key.replace('_', ' ') + " '" + value + "'",
                    Suggest.hint(value, bySlug.keySet()));
            return fallback;
        }
        return found;
    }

    Optional<YamlNode.Mapping> mapping(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) return Optional.empty();
        if (node.get() instanceof YamlNode.Mapping m) return Optional.of(m);
        diagnostics.error(node.get().position(), "'" + key + "' must be a mapping of fields, not " + describe(node.get()),
                null);
        return Optional.empty();
    }

    /** Reports every key that no getter asked for: typos such as 'sanskirt' must not pass silently. */
    void rejectUnknown() {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!asked.contains(entry.key())) {
                diagnostics.error(entry.keyPosition(), "unknown field '" + entry.key() + "' in " + what,
                        hintForUnknown(entry.key(), asked));
            }
        }
    }

    private static String hintForUnknown(String key, Collection<String> known) {
        return Suggest.closest(key, known)
                .map(c -> "did you mean '" + c + "'?")
                .orElseGet(() -> "remove it; known fields are: " + String.join(", ", known));
    }

    private String text(YamlNode node, String key) {
        if (node instanceof YamlNode.Scalar s && s.value() != null) return String.valueOf(s.value());
        diagnostics.error(node.position(), "'" + key + "' must be text, not " + describe(node),
                node instanceof YamlNode.Mapping ? "quote the value if it contains ': '" : null);
        return null;
    }

    private static String describe(YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.value() != null) return s.kind() + " '" + s.value() + "'";
        return node.kind();
    }
}
