package org.yogaflow.generator.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a Netlify-style {@code _headers} file (the one the build writes, see
 * {@code render/Headers}): a path pattern on its own line, then indented {@code Name: value}
 * lines. A pattern is a path, or a prefix ending in {@code *}. The preview server applies them
 * so it answers with the same headers as the CDN; where two rules set one header, the later wins.
 */
record HeaderRules(List<Rule> rules) {

    static final HeaderRules NONE = new HeaderRules(List.of());

    record Rule(String pattern, Map<String, String> headers) {
        boolean matches(String path) {
            return pattern.endsWith("*") ? path.startsWith(pattern.substring(0, pattern.length() - 1)) : path.equals(pattern);
        }
    }

    /** The rules of {@code file}; none when it is missing. Lines it cannot read are skipped. */
    static HeaderRules read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            if (!Character.isWhitespace(line.charAt(0))) {
                rules.add(new Rule(line.strip(), new LinkedHashMap<>()));
            } else if (!rules.isEmpty() && line.indexOf(':') > 0) {
                int colon = line.indexOf(':');
                rules.getLast().headers().put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return new HeaderRules(List.copyOf(rules));
    }

    /** Every header for {@code path}, in rule order. */
    Map<String, String> forPath(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (rule.matches(path)) headers.putAll(rule.headers());
        }
        return headers;
    }
}
