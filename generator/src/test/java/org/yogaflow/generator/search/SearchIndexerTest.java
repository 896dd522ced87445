package org.yogaflow.generator.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yogaflow.generator.TestSites;
import org.yogaflow.generator.publish.Fingerprint;
import org.yogaflow.generator.publish.OutputTree;
import org.yogaflow.generator.render.Permalinks;

class SearchIndexerTest {

    @TempDir
    Path tmp;

    @Test
    void luceneIndexLivesBesideTheSite() {
        assertEquals(Path.of("/x/public.search"), SearchIndexer.luceneDir(Path.of("/x/public")));
    }

    @Test
    void writesFingerprintedBrowserFilesAndTheLuceneIndex() throws Exception {
        SearchFixture f = SearchFixture.real();
        assertEquals(110, f.result.documents(), "100 poses and 10 sequences");
        String manifestUrl = f.result.assets().get("index");
        // The manifest is named by the poses it indexes (IncrementalBuildTest), every other file by its content.
        assertTrue(manifestUrl.matches("/search/index\\.[0-9a-f]{10}\\.json"), manifestUrl);
        List<String> files = TestSites.files(f.site);
        assertTrue(files.remove(manifestUrl.substring(1)), files.toString());
        for (String file : files) {
            assertTrue(file.matches("assets/search/(n|t|facets|sequences)\\.[0-9a-f]{10}\\.json"), file);
            String hash = file.replaceAll(".*\\.([0-9a-f]{10})\\.json", "$1");
            assertEquals(Fingerprint.of(Files.readAllBytes(f.site.resolve(file))), hash, "named by content: " + file);
        }
        assertTrue(Files.isDirectory(f.lucene) && !TestSites.files(f.lucene).isEmpty(), "Lucene files");
        assertFalse(f.lucene.startsWith(f.site), "never published");

        JsonNode manifest = new ObjectMapper().readTree(f.site.resolve(manifestUrl.substring(1)).toFile());
        assertEquals(100, manifest.get("poses").asInt());
        assertEquals(10, manifest.get("sequences").asInt());
        assertEquals(20, manifest.get("labels").get("area").size());
        assertEquals(List.of("hamstrings", "Hamstrings"), new ObjectMapper().convertValue(
                manifest.get("labels").get("area").get(13), List.class));
        int shards = manifest.get("names").size() + manifest.get("text").size();
        assertEquals(files.size(), shards + 2, "facets and sequences besides the shards");
        assertEquals("../assets/search/", manifest.get("files").asText(), "where the other files are");
    }

    @Test
    void anUpdateTakesTheDocumentsItIsToldOnlyWhenTheIndexWasCommittedWithThem() throws Exception {
        Path content = tmp.resolve("content");
        TestSites.copyTree(SearchFixture.CONTENT, content);
        List<SearchDocument.Entry> before = SearchDocument.entries(SearchFixture.load(content), (key, make) -> make.get());
        Path crow = content.resolve("poses/crow.md");
        Files.writeString(crow, Files.readString(crow) + "\nFlamingos balance like this too.\n");
        List<SearchDocument.Entry> after = SearchDocument.entries(SearchFixture.load(content), (key, make) -> make.get());
        LuceneIndexer.index(before, LuceneIndexer.Documents.of(before), null, tmp.resolve("first"), null).close();

        // Told that the first index already holds the edited pose: its commit says otherwise, so the
        // update reads what it holds, and replaces the pose all the same.
        LuceneIndexer.index(after, LuceneIndexer.Documents.of(after), tmp.resolve("first"), tmp.resolve("second"),
                LuceneIndexer.Documents.of(after)).close();
        // Told rightly, as a memo does.
        LuceneIndexer.index(after, LuceneIndexer.Documents.of(after), tmp.resolve("first"), tmp.resolve("third"),
                LuceneIndexer.Documents.of(before)).close();
        for (String index : List.of("second", "third")) {
            try (LuceneSearcher searcher = LuceneSearcher.open(tmp.resolve(index))) {
                assertEquals(List.of("crow"), searcher.search("flamingos", 5).stream().map(SearchHit::slug).toList(), index);
            }
        }
    }

    @Test
    void browserTermsAreLuceneTerms() throws Exception {
        SearchFixture f = SearchFixture.real();
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(f.site.resolve(f.result.assets().get("index").substring(1)).toFile());
        // Warrior II (id of "warrior-2" in slug order) is under "warrior" and "2" in the name field.
        int id = List.copyOf(f.library.poses().keySet()).indexOf("warrior-2");
        boolean found = false;
        for (JsonNode shard : manifest.get("names")) {
            JsonNode terms = json.readTree(f.site.resolve("assets/search/n." + shard.get(1).asText() + ".json").toFile());
            JsonNode postings = terms.path("name").path("warrior");
            if (!postings.isMissingNode()) {
                found = true;
                assertTrue(java.util.Arrays.stream(Postings.decode(postings.asText())).anyMatch(i -> i == id));
            }
        }
        assertTrue(found, "the term 'warrior' is in a name shard");
    }

    @Test
    void sameInputGivesByteIdenticalBrowserFiles() throws Exception {
        Permalinks links = new Permalinks("https://studio.example/yoga/");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        SearchIndexer.Result ra = SearchIndexer.write(SearchFixture.real().library, links, new OutputTree(a), tmp.resolve("a.search"));
        SearchIndexer.Result rb = SearchIndexer.write(SearchFixture.real().library, links, new OutputTree(b), tmp.resolve("b.search"));
        assertEquals(ra.assets(), rb.assets());
        assertEquals(ra.documents(), rb.documents());
        assertTrue(ra.assets().get("index").startsWith("/yoga/search/index."), "under the base path");
        assertEquals(TestSites.files(a), TestSites.files(b));
        for (String file : TestSites.files(a)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
        }
        assertEquals(Map.of("index", ra.assets().get("index")), ra.assets());
    }
}
