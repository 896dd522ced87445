package org.yogaflow.generator.render;

import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders instructors' Markdown to HTML. Raw HTML is escaped and unsafe link schemes dropped,
 * and headings are shifted to sit below the page's own section heading (so a body's "# Steps"
 * never competes with the page title), keeping heading levels in order for screen readers.
 * Plain bodies go through {@link PlainMarkdown}, which gives the same HTML much faster;
 * everything it declines goes through commonmark. Thread-safe.
 */
public final class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            // Sanitizing also marks every link nofollow; instructors' links are trusted content.
            .attributeProviderFactory(context -> (node, tag, attributes) -> attributes.remove("rel"))
            .build();

    /**
     * @param topLevel the heading level the body's highest heading becomes (3 under an h2 section)
     */
    public String render(String markdown, int topLevel) {
        Optional<String> plain = PlainMarkdown.render(markdown, topLevel);
        return plain.isPresent() ? plain.get() : renderWithCommonmark(markdown, topLevel);
    }

    /** The full parser, for everything {@link PlainMarkdown} declines (and for tests that compare the two). */
    String renderWithCommonmark(String markdown, int topLevel) {
        Node document = parser.parse(markdown);
        int[] highest = {7};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                highest[0] = Math.min(highest[0], heading.getLevel());
                visitChildren(heading);
            }
        });
        if (highest[0] < 7) {
            int shift = topLevel - highest[0];
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    heading.setLevel(Math.max(1, Math.min(6, heading.getLevel() + shift)));
                    visitChildren(heading);
                }
            });
        }
        return renderer.render(document);
    }
}
