package org.yogaflow.generator.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.publish.OutputTree.Output;

class SiteManifestTest {

    @TempDir
    Path tmp;

    private static SiteManifest manifest(Set<String> delta, Map<String, Output> outputs) {
        return new SiteManifest("key-1", new LinkedHashMap<>(Map.of("poses/tree.md", "120:1700000000000000000")),
                outputs, delta, List.of("content/poses/tree.md:2:1: warning: a\\b\tc\nd \\n\\\\n"), 1_700_000_000_123L,
                delta == null ? null : 1_699_999_000_456L);
    }

    @Test
    void whatIsSavedIsLoadedBack() {
        Map<String, Output> outputs = new LinkedHashMap<>();
        outputs.put("index.html", new Output("sig-a", 1234));
        outputs.put("poses/tree/index.html", new Output("sig-b", 99));
        Path file = tmp.resolve("cache/site-manifest.tsv");
        for (Set<String> delta : Arrays.asList(Set.of("index.html"), null)) {
            SiteManifest saved = manifest(delta, outputs);
            saved.save(file);
            SiteManifest loaded = SiteManifest.load(file).orElseThrow();
            assertEquals(saved.key(), loaded.key());
            assertEquals(saved.inputs(), loaded.inputs());
            assertEquals(saved.outputs(), loaded.outputs());
            assertEquals(saved.delta(), loaded.delta());
            assertEquals(List.of("content/poses/tree.md:2:1: warning: a\\b c\nd \\n\\\\n"), loaded.warnings(),
                    "as written, but a tab becomes a space");
        }
    }

    @Test
    void aPathThatCannotBeWrittenMeansNoManifestAndADamagedOneIsIgnored() throws IOException {
        Path file = tmp.resolve("site-manifest.tsv");
        manifest(null, Map.of("a\tb.html", new Output("sig", 1))).save(file);
        assertFalse(Files.exists(file));
        manifest(null, Map.of("index.html", new Output("sig", 1))).save(file);
        String text = Files.readString(file);
        assertTrue(text.endsWith("end\n"), text);
        Files.writeString(file, text.substring(0, text.length() - 4)); // cut short
        assertTrue(SiteManifest.load(file).isEmpty());
    }
}
