package org.yogaflow.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

class HtmlEscaperTest {

    private final HtmlEscaper escaper = new HtmlEscaper();

    @Test
    void escapesMarkupCharacters() {
        assertEquals("Don&#39;t &lt;b&gt; &quot;x&quot; &amp; y", escaper.escape("Don't <b> \"x\" & y"));
    }

    @Test
    void returnsTheSameStringWhenNothingNeedsEscaping() {
        String text = "Adho Mukha Śvānāsana";
        assertSame(text, escaper.escape(text));
    }

    /** Output must stay byte-identical to Pebble's default escaper, which it replaces. */
    @Test
    void agreesWithPebblesDefaultEscaperOnRandomText() {
        Random random = new Random(42);
        String alphabet = "ab <>&\"'=/;#\u015b\u0101\u00e9\n\t\u2014";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertEquals(HtmlEscape.escapeHtml4Xml(s.toString()), escaper.escape(s.toString()), s.toString());
        }
    }
}
