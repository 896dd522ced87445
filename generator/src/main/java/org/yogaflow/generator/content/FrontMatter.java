package org.yogaflow.generator.content;

import java.util.Optional;
import org.yogaflow.generator.diag.Diagnostics;

/**
 * Splits a Markdown file into its YAML front matter (between two {@code ---} lines at the top)
 * and its body, remembering on which line each starts.
 *
 * @param yaml          the front matter text
 * @param yamlLineOffset lines before the front matter (the opening "---")
 * @param body          the Markdown after the closing "---"
 * @param bodyLine      the 1-based line on which the body starts
 */
public record FrontMatter(String yaml, int yamlLineOffset, String body, int bodyLine) {

    public static Optional<FrontMatter> split(SourceFile source, Diagnostics diagnostics) {
        String text = source.text();
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            diagnostics.error(source.at(1, 1), "missing front matter: the file must start with a line '---'",
                    "put the pose's fields between two '---' lines at the top, e.g. '---' / 'name: Tree Pose' / '---'");
            return Optional.empty();
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("---") || line.equals("...")) {
                String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return Optional.of(new FrontMatter(yaml, 1, body, i + 2));
            }
        }
        diagnostics.error(source.at(1, 1), "front matter is not closed",
                "add a line '---' after the last field, before the instructions");
        return Optional.empty();
    }
}
