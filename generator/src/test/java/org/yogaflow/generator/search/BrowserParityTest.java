package org.yogaflow.generator.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser and the CLI agree: search.js, run in Node over the browser index, returns the same
 * documents with the same scores in the same order as Lucene, for every query of
 * {@link RankingTest} and more; and its analysis gives the same terms, stems and Sanskrit forms
 * as {@link Analysis} for every text of the content.
 */
class BrowserParityTest {

    /** Queries beyond RankingTest's: partial words as typed, odd input, single letters. */
    static final List<String> MORE = List.of("w", "wa", "war", "warri", "warrior ", "WARRIOR-ii", "s", "sa", "sav",
            "shav", "vrik", "adho mu", "dow", "down dog", "ṭiṭṭibhāsana", "tittibasana", "padangustasana", "2", "ii",
            "pose", "the", "", "   ", "hip", "hips", "hip opener beginner", "chest opener", "stretches hamstrings",
            "strengthening", "knees", "neck", "spine twist", "evening", "sleep calm", "balance core", "bakasana crow",
            "headstand supported", "revolved", "supta", "parivrtta trikonasana", "trikonasana", "trikonsana", "trinkonasana",
            "utthita", "urdva", "dhanurasana", "camle", "cobar", "pigeoon", "pigen", "lotus half", "x", "123");

    /** Words that exercise every rule of the Porter stemmer, beyond the content's own. */
    static final String PORTER_WORDS = "caresses ponies ties caress cats feed agreed disabled matting mating meeting "
            + "milling messing meetings happy sky relational conditional rational valenci hesitanci digitizer "
            + "conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism "
            + "decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize "
            + "electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable "
            + "defensible irritant replacement adjustment dependent adoption homologou communism activate "
            + "angulariti homologous effective bowdlerize probate rate cease controll roll generalizations "
            + "oscillators ays ies sses eed ed ing yyy aye bye eye toy";

    @TempDir
    static Path tmp;

    static JsonNode response;

    @BeforeAll
    static void runBrowserSearch() throws Exception {
        Node.require(Node.hasNode(), "node");
        SearchFixture fixture = SearchFixture.real();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("script", Node.SEARCH_JS.toString());
        request.put("manifest", fixture.site.resolve(fixture.result.assets().get("index").substring(1)).toString());
        request.put("queries", queries());
        request.put("texts", texts(fixture));
        Path in = tmp.resolve("request.json");
        Path out = tmp.resolve("response.json");
        ObjectMapper json = new ObjectMapper();
        json.writeValue(in.toFile(), request);
        Node.run(tmp.resolve("parity.log"), 120, "parity.mjs", in.toString(), out.toString());
        response = json.readTree(out.toFile());
    }

    static List<String> queries() {
        Set<String> all = new LinkedHashSet<>(new TreeSet<>(RankingTest.EXPECTED.keySet()));
        all.addAll(MORE);
        return List.copyOf(all);
    }

    static List<String> texts(SearchFixture fixture) {
        List<String> texts = new ArrayList<>(List.of(PORTER_WORDS));
        for (SearchDocument d : SearchDocument.of(fixture.library)) {
            texts.addAll(d.names());
            texts.addAll(d.areas());
            texts.addAll(d.benefits());
            if (d.category() != null) texts.add(d.category());
            texts.add(d.text());
        }
        return texts;
    }

    @Test
    void sameResultsAsLucene() throws Exception {
        SearchFixture fixture = SearchFixture.real();
        List<SearchDocument> docs = SearchDocument.of(fixture.library);
        int compared = 0;
        try (LuceneSearcher lucene = fixture.searcher()) {
            for (String query : queries()) {
                List<String> expected = lucene.search(query, docs.size()).stream()
                        .map(h -> h.slug() + " " + h.score()).toList();
                List<String> actual = new ArrayList<>();
                for (JsonNode hit : response.get("results").get(query)) {
                    actual.add(docs.get(hit.get(0).asInt()).slug() + " " + (float) hit.get(1).asDouble());
                }
                assertEquals(expected, actual, "query '" + query + "'");
                compared += expected.size();
            }
        }
        assertTrue(compared > 1000, "compared " + compared + " results");
    }

    @Test
    void sameAnalysisAsJava() {
        List<String> texts = texts(SearchFixture.real());
        JsonNode terms = response.get("terms");
        Set<String> vocabulary = new TreeSet<>();
        for (int i = 0; i < texts.size(); i++) {
            List<String> expected = Analysis.terms(texts.get(i));
            vocabulary.addAll(expected);
            List<String> actual = new ArrayList<>();
            terms.get(i).forEach(t -> actual.add(t.asText()));
            assertEquals(expected, actual, "terms of: " + texts.get(i));
        }
        JsonNode forms = response.get("forms");
        for (String raw : vocabulary) {
            assertEquals(Analysis.stem(raw), forms.get(raw).get(0).asText(), "stem of " + raw);
            assertEquals(Analysis.sanskrit(raw), forms.get(raw).get(1).asText(), "Sanskrit form of " + raw);
        }
        assertTrue(vocabulary.size() > 1000, vocabulary.size() + " distinct terms");
    }
}
