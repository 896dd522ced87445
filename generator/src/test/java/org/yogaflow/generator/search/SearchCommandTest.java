package org.yogaflow.generator.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.cli.ExitCodes;
import org.yogaflow.generator.publish.OutputTree;
import org.yogaflow.generator.render.Permalinks;

/** {@code yogaflow search} end to end through the real CLI, over an index of the real content. */
class SearchCommandTest {

    @TempDir
    Path tmp;

    private Path indexedSite() {
        Path out = tmp.resolve("public");
        SearchIndexer.write(SearchFixture.real().library, new Permalinks("http://localhost:8080/"), new OutputTree(out),
                SearchIndexer.luceneDir(out));
        return out;
    }

    @Test
    void printsJsonResults() throws Exception {
        Path out = indexedSite();
        TestSites.Run run = TestSites.cli("search", "warrior", "2", "--out", out.toString(), "--limit", "3", "--json");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        JsonNode results = new ObjectMapper().readTree(run.out());
        assertEquals(3, results.size());
        JsonNode first = results.get(0);
        assertEquals("warrior-2", first.get("slug").asText());
        assertEquals("pose", first.get("kind").asText());
        assertEquals("Warrior II", first.get("name").asText());
        assertEquals(209.0, first.get("score").asDouble());
        assertEquals("", run.err(), "nothing on stderr (no Lucene or JVM warnings)");
    }

    @Test
    void printsATableAndSequences() {
        Path out = indexedSite();
        TestSites.Run run = TestSites.cli("search", "morning energizer", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().lines().findFirst().orElse("").matches(" 1\\. Morning Energizer +sequence +morning-energizer +\\d+"),
                run.out());
        TestSites.Run none = TestSites.cli("search", "zebra", "--out", out.toString());
        assertEquals(ExitCodes.OK, none.code());
        assertEquals("no poses or sequences match 'zebra'\n", none.out());
        TestSites.Run json = TestSites.cli("search", "zebra", "--out", out.toString(), "--json");
        assertEquals("[ ]\n", json.out());
    }

    @Test
    void withoutAnIndexSaysToBuildFirst() {
        Path out = tmp.resolve("nothing-here");
        TestSites.Run run = TestSites.cli("search", "tree", "--out", out.toString());
        assertEquals(ExitCodes.FAILURE, run.code());
        assertTrue(run.err().startsWith("error: no search index for " + out), run.err());
        assertTrue(run.err().contains("run 'yogaflow build --out " + out + "' first"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void rejectsABadLimit() {
        TestSites.Run run = TestSites.cli("search", "tree", "--limit", "0", "--out", indexedSite().toString());
        assertEquals(ExitCodes.FAILURE, run.code());
        assertTrue(run.err().contains("--limit must be at least 1"), run.err());
    }
}
