package org.yogaflow.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yogaflow.generator.content.ContentLoader;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.content.Sequence;
import org.yogaflow.generator.diag.Diagnostics;

/**
 * The fast renderer must give exactly commonmark's HTML whenever it accepts a text; it may
 * decline anything. Checked on the real content and a synthetic corpus (which it must all
 * accept, so builds really take the fast path), on tricky snippets, and on many thousands of
 * random mutations of real bodies.
 */
class PlainMarkdownTest {

    private static final MarkdownRenderer COMMONMARK = new MarkdownRenderer();

    /** The Markdown of the real content: pose bodies and sequence descriptions. */
    private static List<String> realTexts() {
        Diagnostics diagnostics = new Diagnostics();
        Library library = ContentLoader.load(Path.of("..", "content"), diagnostics);
        List<String> texts = new ArrayList<>();
        for (Pose pose : library.poses().values()) texts.add(pose.instructions());
        for (Sequence sequence : library.sequences().values()) texts.add(sequence.description());
        assertTrue(library.poses().size() >= 100 && library.sequences().size() >= 10,
                "content found: " + library.poses().size() + " poses, " + library.sequences().size() + " sequences");
        return texts;
    }

    /** Asserts the fast renderer either declines {@code markdown} or agrees with commonmark; true when it accepted. */
    private static boolean agrees(String markdown, int topLevel) {
        Optional<String> plain = PlainMarkdown.render(markdown, topLevel);
        if (plain.isEmpty()) return false;
        assertEquals(COMMONMARK.renderWithCommonmark(markdown, topLevel), plain.get(),
                () -> "for (topLevel " + topLevel + "):\n" + markdown.replace("\r", "\\r").replace("\t", "\\t"));
        return true;
    }

    private static boolean agrees(String markdown) {
        return agrees(markdown, 3);
    }

    @Test
    void acceptsAllTheRealContentAndAgreesWithCommonmark() {
        List<String> texts = realTexts();
        long accepted = texts.stream().filter(PlainMarkdownTest::agrees).count();
        assertEquals(texts.size(), accepted, "accepted " + accepted + " of " + texts.size());
        // The same texts saved with Windows line endings, and under other section levels.
        long crlf = texts.stream().filter(t -> agrees(t.replace("\n", "\r\n"), 2)).count();
        assertEquals(texts.size(), crlf, "accepted " + crlf + " of " + texts.size() + " with CRLF");
        // The public API gives the same (it takes the fast path for these).
        for (String text : texts) assertEquals(COMMONMARK.renderWithCommonmark(text, 3), COMMONMARK.render(text, 3));
    }

    @Test
    void acceptsASyntheticCorpusAndAgreesWithCommonmark() {
        List<String> bodies = syntheticBodies(400);
        long accepted = bodies.stream().filter(PlainMarkdownTest::agrees).count();
        assertEquals(bodies.size(), accepted, "accepted " + accepted + " of " + bodies.size());
    }

    @Test
    void trickySnippetsAreDeclinedOrRenderedLikeCommonmark() {
        List<String> snippets = List.of(
                // emphasis
                "**a**b", "a**b**", "**a,**b", "**a,** b", "*a *", "** a**", "***a***", "*a**b*", "**a*", "*a**",
                "**a** and **b**", "*a* and *b*", "**a *b* c**", "*a **b** c*", "**a**.", "(**a**)", "\"**a**\"",
                "**Lift the chest.** Lean back", "**To come out,** lower", "*Note:* rest", "a * b", "a ** b * c",
                "** **", "*", "**", "a*b*c", "a *b*c", "a*b* c", "**a\nb**", "*a\n*", "a*\n*b", "**a\n\nb**",
                "**–dash**", "**’quote’**", "–**a**–", "’**a**’", "*ā*", "**Śavāsana** rest", "ṛ**ś**ā",
                "\u00A0**x**", "x\u00A0**y**", "**y**\u00A0", "emoji 😀 **x**", "**x**😀", "😀**x**",
                "snake_case word", "_em_", "__strong__", "a_b_c", "a _b_ c", "a__b", "_", "a_", "_a", "ā_ś",
                // headings
                "#Heading", "#", "# ", "####### Seven", "###### Six", "# Title #", "# C#", "#  Two spaces",
                "# Steps\n## Tips", "### Steps", "## A\n# B\n### C", "# A\ntext\n## B", "text\n# A", "# **Bold** title",
                "# * a", "# - a", "# 1. a", "##### Five\n# One", "Para\n#no",
                // lists
                "1. One\n2. Two", "2. Two\n3. Three", "0. Zero", "007. Bond", "1234567890. Big", "1) One\n2) Two",
                "1. One\n2. Two\nAfter without blank", "1. One\n\nAfter a blank", "- a\nlazy", "- a\n  cont",
                "- a\n   cont3", "- a\n cont1", "1. a\n   cont", "1. a\n  cont2", "1. a\n    cont4", "10. a\n    cont",
                "9. a\n10. b\n    cont", "- a\n* b", "- a\n\n- b", "- a\n\npara", "- a\n\n  indented para",
                "1. a\n- b", "- a\n  - nested", "- # heading item", "- > quote item", "- **Bold** item", "- *em* item",
                "-", "- ", "1.", "1. ", "-  two spaces", "1.  two spaces", "+ plus", "* a\n* b", "* * *", "- - -",
                "* ***", "- ***", "- a\n  \n- b", "- a\n\n\n# H", "- a\n# H", "1. a\n1. b\n1. c", "3. a\n1. b",
                "para\n1. one", "para\n2. two", "para\n- item", "para\n* item", "para\n+ item", "para\n-", "para\n1.",
                "- a\n  1. b", "- a\n  ---", "- a\n  ===", "- a\n    deeper", "1. a\n\n2. b", "- 1.5 litres",
                // text, escaping and blocks
                "Say \"hi\" > 3", "It's a > b", "a < b", "&amp;", "AT&T", "Wow! Great", "!x", "Line 1\nLine 2\nLine 3",
                "line one\n   \nline two", "trailing  \nhard break", "trailing \nspace", "trailing \\\nslash",
                "line\r\nbreak\r\n", "lone\rcr", "tab\there", "\tindented", "    code", "  two spaces", "   three",
                "para\n===", "para\n---", "para\n=", "---", "***", "___", "= x", "```\ncode\n```", "~~~\ncode\n~~~",
                "~~strike~~", "| a | b |\n|---|---|\n| 1 | 2 |", "[link](http://x)", "![img](x.png)", "`code`",
                "\\*not em\\*", "> quote", "para\n> quote", "<div>x</div>", "1.5 litres", "3 breaths", "2026",
                "", "\n", "   ", "\n\n# H\n\n", "a  b  c", "a\u0000b", "\uFEFFtext", "\u0085next", "a\u2028b",
                "Mixed **bold** and *em* and **more**", "=== x", "a = b", "a - b", "a # b", "a + b", "{x}", "x: y");
        int accepted = 0;
        for (String snippet : snippets) {
            for (int topLevel : new int[] {1, 3, 6}) {
                if (agrees(snippet, topLevel) && topLevel == 3) accepted++;
            }
        }
        assertTrue(accepted >= 70, "accepted only " + accepted + " of " + snippets.size() + " snippets");
    }

    @Test
    void randomMutationsOfRealTextsAreDeclinedOrRenderedLikeCommonmark() {
        List<String> texts = new ArrayList<>(realTexts());
        texts.addAll(syntheticBodies(100));
        // -Dplainmarkdown.mutations=… -Dplainmarkdown.seed=… fuzz deeper than the default run.
        Random random = new Random(Long.getLong("plainmarkdown.seed", 7));
        String alphabet = " *_#-+.1)>\n\n\r\t&<`[]!\\\"'=~|:aZśā–2";
        int accepted = 0;
        int mutations = Integer.getInteger("plainmarkdown.mutations", 10_000);
        for (int n = 0; n < mutations; n++) {
            StringBuilder md = new StringBuilder(texts.get(random.nextInt(texts.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(md.length() + 1);
                switch (random.nextInt(7)) {
                    case 0, 1 -> md.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> { if (at < md.length()) md.deleteCharAt(at); }
                    case 3 -> { if (at < md.length()) md.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length()))); }
                    case 4 -> md.insert(lineStart(md, at), " ".repeat(1 + random.nextInt(4)));
                    default -> {
                        // Duplicate or delete a whole line.
                        int start = lineStart(md, at);
                        int end = md.indexOf("\n", start);
                        end = end < 0 ? md.length() : end + 1;
                        if (random.nextBoolean()) md.insert(start, md.substring(start, end)); else md.delete(start, end);
                    }
                }
            }
            if (agrees(md.toString(), 1 + random.nextInt(6))) accepted++;
        }
        assertTrue(accepted > mutations / 5, "accepted only " + accepted + " of " + mutations + " mutations");
    }

    private static int lineStart(CharSequence text, int at) {
        int i = Math.min(at, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n') i--;
        return i;
    }

    /**
     * Bodies shaped like bench/CorpusGenerator's and like what instructors write: an optional
     * heading, an intro, numbered or bulleted steps (some with a continuation line or a bold
     * lead-in), closing advice, a bold variation, sequence-style descriptions. Deterministic.
     */
    static List<String> syntheticBodies(int count) {
        String[] names = {"Tree Pose", "Revolved Half Moon Pose", "Child's Pose", "Eka Pāda Rājakapotāsana",
            "Supta Baddha Koṇāsana", "Downward-Facing Dog Pose II", "Bhujaṅgāsana", "Śavāsana", "Ūrdhva Dhanurāsana"};
        String[] areas = {"hamstrings", "lower back", "hip flexors", "shoulders", "nervous system", "upper back"};
        String[] intros = {
            "{name} is a gentle pose that works the {area}.",
            "In {name} the work comes from the {area} while the breath stays slow and even.",
            "Practise {name} when you feel tight through the {area} after a long day at a desk.",
            "Teachers often use **{name}** to prepare the {area} for deeper work later in class.",
            "This shape asks for length in the {area} before depth – never force it.",
            "Say \"let go\" on each exhale; it’s about softening, not effort.",
        };
        String[] steps = {
            "Come to the front of your mat and take three slow breaths through the nose.",
            "**Root down** through the feet and feel the weight spread evenly from heel to toe.",
            "Draw the navel gently toward the spine to steady the {area}.",
            "**Lengthen.** Reach through the crown of the head so the spine stays long.",
            "Move into the shape slowly, pausing wherever you feel the {area}.",
            "Press the hands firmly into the floor and *spread the fingers wide*.",
            "**To come out,** release slowly, one vertebra at a time.",
            "Breathe into the back of the ribs for 3–6 full breaths (or longer).",
            "Keep the knees tracking over the second toe, never collapsing inward!",
            "If the hold feels > 30 seconds of strain, back off until the breath is easy again.",
        };
        String[] outros = {
            "Come out the way you went in, one segment at a time.",
            "Rest for a few breaths in a neutral position before moving on.",
            "A block under the hands brings the floor closer and keeps the spine long.",
            "The pose should never cause sharp pain; discomfort is a signal to ease off.",
            "Pair it with a gentle counter-pose for the {area} afterwards.",
        };
        String[] variations = {
            "**Variation:** practise it with the back against a wall to feel the alignment.",
            "**Easier:** keep one hand on a chair for balance.",
            "*Harder:* close the eyes for the last few breaths.",
            "**Modification:** Keep the knees bent and hold the backs of the thighs.",
        };
        Random random = new Random(20240611L);
        List<String> bodies = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String name = names[random.nextInt(names.length)];
            String area = areas[random.nextInt(areas.length)];
            StringBuilder b = new StringBuilder();
            if (n % 5 == 4) {
                // A sequence description, as CorpusGenerator writes them.
                b.append("A beginner class of ").append(5 + random.nextInt(10)).append(" poses that moves from **")
                        .append(name).append("** to **").append(names[random.nextInt(names.length)]).append("**.\n")
                        .append("Take it slowly the first time and rest whenever the breath gets short.\n\n")
                        .append("- Bring a mat").append(random.nextBoolean() ? " and two blocks" : "").append('\n')
                        .append("- Allow about ").append(10 + random.nextInt(50)).append(" minutes\n");
                bodies.add(b.toString());
                continue;
            }
            switch (random.nextInt(4)) {
                case 0 -> b.append("## Steps\n\n");
                case 1 -> b.append("# How to practise ").append(name).append("\n\n");
                default -> { }
            }
            for (int k = 1 + random.nextInt(2); k > 0; k--) {
                b.append(fill(intros[random.nextInt(intros.length)], name, area)).append(k > 1 ? "\n" : "\n\n");
            }
            if (random.nextInt(4) == 0) b.append("### The steps\n");
            int kind = random.nextInt(4); // numbered from 1, numbered from elsewhere, "-" bullets, "*" bullets
            int first = kind == 1 ? 2 + random.nextInt(12) : 1;
            int stepCount = 4 + random.nextInt(4);
            for (int i = 0; i < stepCount; i++) {
                String marker = kind <= 1 ? (first + i) + ". " : kind == 2 ? "- " : "* ";
                b.append(marker).append(fill(steps[random.nextInt(steps.length)], name, area)).append('\n');
                if (random.nextInt(5) == 0) {
                    b.append(" ".repeat(marker.length())).append(fill(outros[random.nextInt(outros.length)], name, area))
                            .append('\n');
                }
            }
            b.append('\n');
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                b.append(fill(outros[random.nextInt(outros.length)], name, area)).append(k > 1 ? " " : "\n");
            }
            if (random.nextInt(3) == 0) b.append('\n').append(variations[random.nextInt(variations.length)]).append('\n');
            if (random.nextInt(4) == 0) {
                b.append("\n## Tips\n\n- Use a ").append(random.nextBoolean() ? "strap" : "block").append('\n')
                        .append("- Keep the breath steady\n");
            }
            bodies.add(b.toString());
        }
        return bodies;
    }

    private static String fill(String template, String name, String area) {
        return template.replace("{name}", name).replace("{area}", area);
    }
}
