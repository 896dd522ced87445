package org.yogaflow.generator.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTreeTest {

    @TempDir
    Path tmp;

    @Test
    void aLargeTextIsWrittenAsItsUtf8EvenWhenAPairOfSurrogatesIsSplitBetweenWrites() throws IOException {
        String text = "Vṛkṣāsana 🌳 ok 😀";
        int pair = text.indexOf("🌳");
        OutputTree tree = new OutputTree(tmp);
        tree.writeLargeText("poses/index.html", out -> {
            out.write(text, 0, pair + 1); // ends with the high surrogate of the tree
            out.write(text.substring(pair + 1).toCharArray(), 0, text.length() - pair - 1);
            out.write('\n');
        });
        byte[] expected = (text + "\n").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, Files.readAllBytes(tmp.resolve("poses/index.html")));
        assertEquals(expected.length, tree.outputs().get("poses/index.html").size());
    }
}
