package org.yogaflow.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yogaflow.generator.diag.Diagnostics;

/**
 * The fast reader must give exactly Jackson's tree, values and positions, whenever it accepts
 * a document; it may decline anything. Checked on the real content, on tricky snippets, and on
 * many thousands of random mutations of real files.
 */
class PlainYamlTest {

    private static final SourceFile SOURCE = new SourceFile(Path.of("x.yaml"), "content/x.yaml", "");

    /** The YAML documents of the real content: pose front matter, sequences, the taxonomy. */
    private static List<String> realDocuments() throws IOException {
        Path content = Path.of("..", "content");
        List<String> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".md")) {
                    String text = Files.readString(file);
                    int end = text.indexOf("\n---", 4);
                    docs.add(text.substring(4, end + 1));
                } else if (name.endsWith(".yaml")) {
                    docs.add(Files.readString(file));
                }
            }
        }
        return docs;
    }

    /** Asserts the fast reader either declines {@code yaml} or agrees with Jackson; true when it accepted. */
    private static boolean agrees(String yaml) {
        Optional<YamlNode> plain = PlainYaml.read(yaml, SOURCE, 1);
        if (plain.isEmpty()) return false;
        Diagnostics diagnostics = new Diagnostics();
        Optional<YamlNode> jackson = YamlReader.readWithJackson(yaml, SOURCE, 1, diagnostics);
        assertEquals(List.of(), diagnostics.sorted(), () -> "accepted YAML that Jackson reports on:\n" + yaml);
        assertEquals(jackson.map(PlainYamlTest::dump).orElse("(nothing)"), dump(plain.get()), () -> "for:\n" + yaml);
        return true;
    }

    /** Every value with its type and position, in document order. */
    private static String dump(YamlNode node) {
        StringBuilder out = new StringBuilder();
        dump(node, out);
        return out.toString();
    }

    private static void dump(YamlNode node, StringBuilder out) {
        out.append(node.position().line()).append(':').append(node.position().column()).append(' ');
        switch (node) {
            case YamlNode.Scalar s -> out.append(s.value() == null ? "null" : s.value().getClass().getSimpleName())
                    .append('=').append(s.value()).append('\n');
            case YamlNode.Sequence s -> {
                out.append("[\n");
                s.items().forEach(item -> dump(item, out));
                out.append("]\n");
            }
            case YamlNode.Mapping m -> {
                out.append("{\n");
                m.entries().values().forEach(e -> {
                    out.append(e.keyPosition().line()).append(':').append(e.keyPosition().column())
                            .append(" key ").append(e.key()).append(" = ");
                    dump(e.value(), out);
                });
                out.append("}\n");
            }
        }
    }

    @Test
    void agreesWithJacksonOnTheRealContentAndAcceptsNearlyAllOfIt() throws IOException {
        List<String> docs = realDocuments();
        long accepted = docs.stream().filter(PlainYamlTest::agrees).count();
        assertTrue(docs.size() > 100, "content found: " + docs.size());
        assertTrue(accepted >= docs.size() * 0.95, "accepted " + accepted + " of " + docs.size());
    }

    @Test
    void trickySnippetsAreDeclinedOrReadLikeJackson() {
        List<String> snippets = List.of(
                "name: Tree Pose\n", "a: 1\nb: 01\n", "a: 1.5\n", "a: yes\n", "a: No\n", "a: ~\n", "a: null\n",
                "a: True\n", "a: true\nb: false\n", "a: -3\n", "a: 0x1F\n", "a: 1_000\n", "a: 2026-01-01\n",
                "a: b: c\n", "a: b:\n", "a: text # comment\n", "a: text#not comment\n", "a: 'it''s'\n",
                "a: \"say \\\"hi\\\"\"\n", "a: \"x\" y\n", "a: [x, z]\nb: []\nc: {}\n", "a: [x, [y]]\n",
                "a: [x,\n  y]\n", "a: {min: 1, max: 2}\n", "a: {min: 1, min: 2}\n", "a: x\na: y\n",
                "a:\n  - x\n  - z\n", "a:\n- x\n- z\nb: 1\n", "a:\n- x\n- y\n", "a:\n  b: 1\n  c: 2\nd: 3\n", "a:\n",
                "a:\nb: 1\n", "a: long text\n  continued\n", "- x\n- z\n", "a: |\n  line 1\n\n  line 3\n\nb: 1\n",
                "a: |-\n  x\n", "a: >\n  folded\n", "a: |\n  x\n   deeper\n  back\n", "a: &anchor x\nb: *anchor\n",
                "a: !!str 5\n", "? a\n: b\n", "---\na: 1\n", "a: 1\n...\n", "a:  two  spaces  \n",
                "steps:\n  - pose: a\n    hold: 30\n  - pose: b\n    side: left\n    cue: \"Breathe: slowly\"\n",
                "steps:\n  - pose: a\n     hold: 30\n", "# only a comment\n", "", "\n\n", "a: x\n  # indented comment\nb: z\n",
                "a: Śvānāsana\n", "a: [Śiva, \"x, y\"]\n", "a: x,y\n", "a: [a b, c]\n", "a: @x\n", "a: `x`\n",
                "a: x:y\n", "a: 'x'y\n", "a: [x]y\n", "key:value\n", "a : b\n", "a:\n  - b: 1\n    c: [x]\n  - d\n");
        int accepted = 0;
        for (String yaml : snippets) {
            if (agrees(yaml)) accepted++;
        }
        assertTrue(accepted >= 20, "accepted only " + accepted + " snippets");
    }

    @Test
    void randomMutationsOfRealFilesAreDeclinedOrReadLikeJackson() throws IOException {
        List<String> docs = realDocuments();
        // -Dplainyaml.mutations=… -Dplainyaml.seed=… fuzz deeper than the default run.
        Random random = new Random(Long.getLong("plainyaml.seed", 7));
        String alphabet = " :-#'\"[]{},|>&*!?~%@\n\t.0123456789aZśx";
        int accepted = 0;
        int mutations = Integer.getInteger("plainyaml.mutations", 10_000);
        for (int n = 0; n < mutations; n++) {
            StringBuilder yaml = new StringBuilder(docs.get(random.nextInt(docs.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(yaml.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> yaml.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> { if (at < yaml.length()) yaml.deleteCharAt(at); }
                    default -> yaml.insert(at, "  ");
                }
            }
            if (agrees(yaml.toString())) accepted++;
        }
        assertTrue(accepted > mutations / 10, "accepted only " + accepted + " mutations");
    }
}
