package org.yogaflow.generator.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.yogaflow.generator.cache.Same;
import org.yogaflow.generator.cache.Signature;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Origin;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.content.Sequence;
import org.yogaflow.generator.content.Step;

/**
 * One searchable pose or sequence, the single input of both the Lucene and the browser index.
 * Its {@code id} is its position in {@link #of}'s list: poses in slug order, then sequences in
 * slug order; ties in ranking go to the lower id, on both sides.
 *
 * @param sanskrit  null for sequences
 * @param aliases   the aliases that add words: one that is only the Sanskrit name without
 *                  diacritics ("Vrksasana" for "Vṛkṣāsana") is left out
 * @param category  the category label, or null
 * @param areas     body-area labels ("Lower back")
 * @param text      instructions (poses) or description, audience and step pose names (sequences)
 */
public record SearchDocument(int id, Kind kind, String slug, String name, String sanskrit, List<String> aliases,
        String difficulty, String category, List<String> areas, List<String> benefits, String text) {

    /** What a document is; also the {@code kind} of a {@code yogaflow search --json} result. */
    public enum Kind {
        POSE, SEQUENCE;

        public String slug() {
            return this == POSE ? "pose" : "sequence";
        }
    }

    public static List<SearchDocument> of(Library library) {
        return entries(library, (key, make) -> make.get()).stream().map(Entry::document).toList();
    }

    /**
     * A document by its id and slug, and a signature of what it is made from: its file's text (the
     * loader's hash) and what it takes from other files (labels of the taxonomy, names of poses).
     * The document itself is made when first needed: after a small edit, most never are.
     */
    static final class Entry {
        private final int id;
        private final String slug;
        private String signature;
        private Supplier<SearchDocument> make;
        private SearchDocument document;

        private Entry(int id, String slug, String signature, Supplier<SearchDocument> make) {
            this.id = id;
            this.slug = slug;
            this.signature = signature;
            this.make = make;
        }

        int id() {
            return id;
        }

        String slug() {
            return slug;
        }

        /** The signature; of the document's content when it has no file (made by a test). */
        synchronized String signature() {
            if (signature == null) signature = LuceneIndexer.signature(document());
            return signature;
        }

        synchronized SearchDocument document() {
            if (document == null) {
                document = make.get();
                make = null;
            }
            return document;
        }
    }

    /** What makes an entry, or takes it from an earlier build: (the same pose, its id; make) → entry. */
    interface Cache {
        Entry get(Same key, Supplier<Entry> make);
    }

    /** Poses in slug order, then sequences in slug order; the position is the id. */
    static List<Entry> entries(Library library, Cache cache) {
        List<Entry> entries = new ArrayList<>(library.poses().size() + library.sequences().size());
        for (Pose pose : library.poses().values()) {
            int id = entries.size();
            entries.add(cache.get(new Same(pose, id), () -> entry(library, pose, id)));
        }
        for (Sequence sequence : library.sequences().values()) entries.add(entry(library, sequence, entries.size()));
        return List.copyOf(entries);
    }

    /** The entry with id {@code id} in {@link #entries}'s list of {@code library}, by its slug; null when there is none. */
    static Entry entry(Library library, String slug, int id) {
        if (id < library.poses().size()) {
            Pose pose = library.poses().get(slug);
            return pose == null ? null : entry(library, pose, id);
        }
        Sequence sequence = library.sequences().get(slug);
        return sequence == null ? null : entry(library, sequence, id);
    }

    // (An entry's document is made from what it was signed by, not from the library: a watching
    // process keeps entries of unchanged poses across builds, and must not keep old libraries.)
    private static Entry entry(Library library, Pose pose, int id) {
        List<String> labels = new ArrayList<>(pose.bodyAreas().size());
        for (String area : pose.bodyAreas()) labels.add(library.taxonomy().label(area));
        Origin origin = pose.origin();
        return new Entry(id, pose.slug(), origin == null ? null
                : Signature.of(Kind.POSE, id, origin.source().displayPath(), origin.source().textHash(), labels),
                () -> new SearchDocument(id, Kind.POSE, pose.slug(), pose.name(), pose.sanskrit(), distinctAliases(pose),
                        pose.difficulty().slug(), pose.category() == null ? null : pose.category().label(),
                        List.copyOf(labels), pose.benefits(), pose.instructions()));
    }

    private static Entry entry(Library library, Sequence sequence, int id) {
        Origin origin = sequence.origin();
        List<String> names = List.copyOf(poseNames(library, sequence));
        return new Entry(id, sequence.slug(), origin == null ? null : Signature.of(Kind.SEQUENCE, id,
                origin.source().displayPath(), origin.source().textHash(), names), () -> {
                    StringBuilder text = new StringBuilder();
                    if (sequence.description() != null) text.append(sequence.description()).append('\n');
                    if (sequence.audience() != null) text.append(sequence.audience()).append('\n');
                    text.append(String.join("\n", names));
                    return new SearchDocument(id, Kind.SEQUENCE, sequence.slug(), sequence.title(), null, List.of(),
                            sequence.difficulty().slug(), null, List.of(), sequence.benefits(), text.toString());
                });
    }

    /** The names of the poses a sequence holds, each once, in order. */
    private static Set<String> poseNames(Library library, Sequence sequence) {
        Set<String> names = new LinkedHashSet<>();
        for (Step step : sequence.steps()) {
            Pose pose = library.poses().get(step.pose());
            if (pose != null) names.add(pose.name());
        }
        return names;
    }

    private static List<String> distinctAliases(Pose pose) {
        Set<List<String>> seen = new LinkedHashSet<>();
        seen.add(Analysis.terms(pose.sanskrit()));
        seen.add(Analysis.terms(pose.name()));
        List<String> out = new ArrayList<>();
        for (String alias : pose.aliases()) {
            if (seen.add(Analysis.terms(alias))) out.add(alias);
        }
        return List.copyOf(out);
    }

    /** Every whole name (English, Sanskrit, aliases): what a query as a whole may equal or begin. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(name);
        if (sanskrit != null) names.add(sanskrit);
        names.addAll(aliases);
        return names;
    }
}
