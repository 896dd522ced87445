package org.yogaflow.generator.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.yogaflow.generator.cache.Same;
import org.yogaflow.generator.content.Library;
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
        return of(library, (key, make) -> make.get());
    }

    /** What makes a document, or takes it from an earlier build: (the same pose, its id; make) → document. */
    interface Cache {
        SearchDocument get(Same key, Supplier<SearchDocument> make);
    }

    static List<SearchDocument> of(Library library, Cache cache) {
        List<SearchDocument> docs = new ArrayList<>();
        for (Pose pose : library.poses().values()) {
            int id = docs.size();
            docs.add(cache.get(new Same(pose, id), () -> of(library, pose, id)));
        }
        for (Sequence sequence : library.sequences().values()) docs.add(of(library, sequence, docs.size()));
        return List.copyOf(docs);
    }

    /** The document with id {@code id} in {@link #of}'s list of {@code library}, by its slug; null when there is none. */
    static SearchDocument of(Library library, String slug, int id) {
        if (id < library.poses().size()) {
            Pose pose = library.poses().get(slug);
            return pose == null ? null : of(library, pose, id);
        }
        Sequence sequence = library.sequences().get(slug);
        return sequence == null ? null : of(library, sequence, id);
    }

    private static SearchDocument of(Library library, Pose pose, int id) {
        return new SearchDocument(id, Kind.POSE, pose.slug(), pose.name(), pose.sanskrit(), distinctAliases(pose),
                pose.difficulty().slug(), pose.category() == null ? null : pose.category().label(),
                pose.bodyAreas().stream().map(library.taxonomy()::label).toList(), pose.benefits(), pose.instructions());
    }

    private static SearchDocument of(Library library, Sequence sequence, int id) {
        StringBuilder text = new StringBuilder();
        if (sequence.description() != null) text.append(sequence.description()).append('\n');
        if (sequence.audience() != null) text.append(sequence.audience()).append('\n');
        Set<String> poseNames = new LinkedHashSet<>();
        for (Step step : sequence.steps()) {
            Pose pose = library.poses().get(step.pose());
            if (pose != null) poseNames.add(pose.name());
        }
        text.append(String.join("\n", poseNames));
        return new SearchDocument(id, Kind.SEQUENCE, sequence.slug(), sequence.title(), null, List.of(),
                sequence.difficulty().slug(), null, List.of(), sequence.benefits(), text.toString());
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
