package org.yogaflow.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void shiftsHeadingsBelowThePageSectionKeepingTheirOrder() {
        assertEquals("<h3>Steps</h3>\n<h4>Tips</h4>\n", markdown.render("# Steps\n## Tips", 3));
        assertEquals("<h3>Steps</h3>\n", markdown.render("### Steps", 3));
    }

    @Test
    void escapesRawHtmlAndDropsUnsafeLinks() {
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", markdown.render("<script>alert(1)</script>", 3));
        assertEquals("<p><a href=\"\">x</a></p>\n", markdown.render("[x](javascript:alert(1))", 3));
    }

    @Test
    void rendersNumberedStepsAndEmphasis() {
        assertEquals("<ol>\n<li><strong>Stand</strong> tall.</li>\n<li>Breathe.</li>\n</ol>\n",
                markdown.render("1. **Stand** tall.\n2. Breathe.", 3));
    }
}
