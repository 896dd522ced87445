package org.yogaflow.generator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yogaflow.generator.search.LuceneSearcher;
import org.yogaflow.generator.search.SearchHit;
import org.yogaflow.generator.search.SearchIndexer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Searches the Lucene index that {@code yogaflow build} keeps beside the site, with the same
 * analysis and ranking as the library page's search box.
 * Example: {@code yogaflow search "warrior 2" --limit 3 --json}
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the poses and sequences of the last build, as the library page does.",
                "Reads the index that 'yogaflow build' writes beside --out (in DIR.search)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:searched (even with no results)", "1:no index (run 'yogaflow build' first) or bad usage"})
final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUERY", arity = "1..*",
            description = "Words to find: English or Sanskrit names, aliases, body areas, benefits…")
    List<String> query;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "public",
            description = "Folder of the built site; its index is DIR.search (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "Show at most N results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array of {slug, kind, name, score}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit);
        }
        Path index = SearchIndexer.luceneDir(out.toAbsolutePath().normalize());
        if (!Files.isDirectory(index)) {
            spec.commandLine().getErr().println("error: no search index for " + out + " (looked for " + index
                    + "); run 'yogaflow build --out " + out + "' first");
            return ExitCodes.FAILURE;
        }
        String text = String.join(" ", query);
        List<SearchHit> hits;
        try (LuceneSearcher searcher = LuceneSearcher.open(index)) {
            hits = searcher.search(text, limit);
        }
        if (json) {
            stdout.println(toJson(hits));
        } else if (hits.isEmpty()) {
            stdout.println("no poses or sequences match '" + text + "'");
        } else {
            int width = hits.stream().mapToInt(h -> h.name().length()).max().orElse(0);
            for (int i = 0; i < hits.size(); i++) {
                SearchHit h = hits.get(i);
                stdout.printf("%2d. %-" + width + "s  %-8s  %-28s  %5.0f%n", i + 1, h.name(), h.kind(), h.slug(), h.score());
            }
        }
        return ExitCodes.OK;
    }

    private static String toJson(List<SearchHit> hits) throws JsonProcessingException {
        List<Map<String, Object>> rows = hits.stream().map(h -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slug", h.slug());
            row.put("kind", h.kind());
            row.put("name", h.name());
            row.put("score", h.score());
            return row;
        }).toList();
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows);
    }
}
