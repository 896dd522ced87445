package org.yogaflow.generator.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.yogaflow.generator.publish.OutputTree.Output;

/**
 * What the published site was made from, kept in the cache folder for the next build: the
 * build's key (generator, theme, options), a stamp of every content file, every output with
 * the signature of its inputs, which outputs differ from the site before it (see
 * {@code Publisher}), and the warnings to show again when nothing changed. A missing, damaged
 * or foreign manifest simply means a full build.
 *
 * @param delta the outputs that differ between the published site and the one before it
 *              (kept beside it for the next incremental build); null when unknown
 * @param started when the build that made the published site started (milliseconds); null when unknown
 * @param keptStarted when the build that made the site kept beside it started; null when unknown.
 *              Folders of the kept site unchanged since then hold what that build left there.
 */
public record SiteManifest(String key, Map<String, String> inputs, Map<String, Output> outputs, Set<String> delta,
        List<String> warnings, Long started, Long keptStarted) {

    private static final String HEADER = "yogaflow-site-manifest\t1";

    public static Optional<SiteManifest> load(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER) || !lines.get(lines.size() - 1).equals("end")) {
                return Optional.empty();
            }
            String key = null;
            // In the file's (key) order; sized for the lines, most of which are inputs and outputs.
            Map<String, String> inputs = LinkedHashMap.newLinkedHashMap(lines.size() / 2);
            Map<String, Output> outputs = LinkedHashMap.newLinkedHashMap(lines.size() / 2);
            Set<String> delta = new HashSet<>();
            boolean deltaKnown = true;
            List<String> warnings = new ArrayList<>();
            Long started = null;
            Long keptStarted = null;
            for (String line : lines.subList(1, lines.size() - 1)) {
                // (Tabs found by hand: a regular expression per line costs more than the rest.)
                int a = line.indexOf('\t');
                int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
                String kind = a < 0 ? line : line.substring(0, a);
                switch (kind) {
                    case "key" -> key = line.substring(a + 1);
                    case "in" -> inputs.put(line.substring(a + 1, b), line.substring(b + 1));
                    case "out" -> {
                        int c = line.indexOf('\t', b + 1);
                        outputs.put(line.substring(a + 1, b),
                                new Output(line.substring(b + 1, c), Long.parseLong(line.substring(c + 1))));
                    }
                    case "delta" -> delta.add(line.substring(a + 1));
                    case "delta-unknown" -> deltaKnown = false;
                    case "warn" -> warnings.add(unescape(line.substring(a + 1)));
                    case "started" -> started = Long.parseLong(line.substring(a + 1));
                    case "kept-started" -> keptStarted = Long.parseLong(line.substring(a + 1));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return key == null ? Optional.empty()
                    : Optional.of(new SiteManifest(key, inputs, outputs, deltaKnown ? delta : null, warnings,
                            started, keptStarted));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the manifest atomically; on failure the next build is a full one, nothing worse. */
    public void save(Path file) {
        // A path with a tab or a line break cannot be written: no manifest then (a full build next time).
        for (String path : inputs.keySet()) if (!clean(path)) return;
        for (String path : outputs.keySet()) if (!clean(path)) return;
        try {
            AtomicWrite.write(file, out -> {
                out.write(HEADER + "\n");
                out.write("key\t" + key + "\n");
                for (String path : sorted(inputs)) {
                    out.write("in\t" + path + "\t" + inputs.get(path) + "\n");
                }
                for (String path : sorted(outputs)) {
                    Output output = outputs.get(path);
                    out.write("out\t" + path + "\t" + output.signature() + "\t" + output.size() + "\n");
                }
                if (delta == null) {
                    out.write("delta-unknown\n");
                } else {
                    for (String path : delta.stream().sorted().toList()) out.write("delta\t" + path + "\n");
                }
                if (started != null) out.write("started\t" + started + "\n");
                if (keptStarted != null) out.write("kept-started\t" + keptStarted + "\n");
                for (String w : warnings) {
                    out.write("warn\t" + w.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", " ") + "\n");
                }
                out.write("end\n");
            });
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file); // a stale manifest must not survive a failed save
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private static Iterable<String> sorted(Map<String, ?> map) {
        if (map instanceof SortedMap<String, ?> sorted && sorted.comparator() == null) return sorted.keySet();
        if (map instanceof LinkedHashMap && KeyOrder.isSorted(map.keySet())) return map.keySet();
        String[] keys = map.keySet().toArray(String[]::new);
        Arrays.sort(keys);
        return Arrays.asList(keys);
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an unreadable manifest is as good as none
        }
    }

    /** A warning as saved: "\\" stands for a backslash and "\n" for a line break, read left to right. */
    private static String unescape(String saved) {
        StringBuilder text = new StringBuilder(saved.length());
        for (int i = 0; i < saved.length(); i++) {
            char c = saved.charAt(i);
            if (c == '\\' && i + 1 < saved.length()) {
                char next = saved.charAt(++i);
                text.append(next == 'n' ? '\n' : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static boolean clean(String path) {
        return path.indexOf('\t') < 0 && path.indexOf('\n') < 0;
    }
}
