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
        int yamlStart = 0;
        for (int start = 0, line = 1; ; line++) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String content = text.substring(start, end).strip(); // strip() also drops a Windows '\r'
            if (line == 1) {
                if (!content.equals("---")) {
                    diagnostics.error(source.at(1, 1), "missing front matter: the file must start with a line '---'",
                            "put the pose's fields between two '---' lines at the top, e.g. '---' / 'name: Tree Pose' / '---'");
                    return Optional.empty();
                }
                yamlStart = end + 1;
            } else if (content.equals("---") || content.equals("...")) {
                String body = newline < 0 ? "" : text.substring(end + 1);
                return Optional.of(new FrontMatter(text.substring(yamlStart, start), 1, body, line + 1));
            }
            if (newline < 0) break;
            start = end + 1;
        }
        diagnostics.error(source.at(1, 1), "front matter is not closed",
                "add a line '---' after the last field, before the instructions");
        return Optional.empty();
    }
}
