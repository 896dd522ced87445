package org.yogaflow.generator.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yogaflow.generator.build.Parallel;
import org.yogaflow.generator.cache.Same;
import org.yogaflow.generator.cache.Signature;
import org.yogaflow.generator.cache.FileHashes;
import org.yogaflow.generator.cache.Generations;
import org.yogaflow.generator.content.Durations;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.content.Origin;
import org.yogaflow.generator.content.Pose;
import org.yogaflow.generator.content.Sequence;
import org.yogaflow.generator.content.Step;
import org.yogaflow.generator.images.Photo;
import org.yogaflow.generator.images.PhotoPlan;
import org.yogaflow.generator.images.PhotoPlanner;
import org.yogaflow.generator.publish.OutputTree;
import org.yogaflow.generator.render.views.Page;
import org.yogaflow.generator.render.views.PoseCard;
import org.yogaflow.generator.render.views.PoseView;
import org.yogaflow.generator.render.views.SequenceLink;
import org.yogaflow.generator.render.views.SequenceView;
import org.yogaflow.generator.render.views.SiteInfo;
import org.yogaflow.generator.render.views.StepView;

/**
 * Renders a validated, published {@link Library} into the staging tree: every HTML page, the
 * theme's assets, the sitemap, robots.txt, the JSON catalog and the CDN headers file. Photos
 * are only planned here (rendition names and sizes, which templates need); encoding is a later stage.
 */
public final class SiteRenderer {

    /** What rendering produced, for the later stages and the build summary: pages in all, and rendered anew. */
    public record Result(int pages, int rendered, List<PhotoPlan> photos) {}

    /** How many cards at the top of the library load their image eagerly. */
    private static final int EAGER_CARDS = 6;

    private final Path themeDir;
    private final Permalinks links;
    private final SiteInfo site;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final AtomicInteger rendered = new AtomicInteger();
    private Memo memo = Memo.none();

    public SiteRenderer(Path themeDir, Permalinks links, SiteInfo site) {
        this.themeDir = themeDir;
        this.links = links;
        this.site = site;
    }

    /**
     * What a long-running process keeps from one build to the next of the same theme and options
     * (the caller starts a new memo when they change): the cards' HTML, the catalog's entries,
     * and each output's inputs with their signature. After an edit, an output whose inputs are
     * equal to last time's (mostly the very same objects: a cheap comparison) takes last time's
     * signature instead of hashing them all again, and the library page and the catalog, made
     * again after most edits, render only the cards and entries that changed.
     */
    public static final class Memo {
        private record Signed(List<Object> inputs, String signature) {}

        private final boolean remember;
        // For a one-off build: the library the published pages were made from, or null.
        private final Library previous;
        // Cards, their HTML, sequence links, catalog entries and content hashes, by Same(item, what
        // is made of it); each output's inputs and signature, by file. Maps sized not to grow.
        private final Generations<Object, Object> made = new Generations<>(n -> new ConcurrentHashMap<>(16 + n));
        private final Generations<String, Signed> signed = new Generations<>(n -> new ConcurrentHashMap<>(16 + n));

        /** A memo for a long-running process. */
        public Memo() {
            this(true, null);
        }

        private Memo(boolean remember, Library previous) {
            this.remember = remember;
            this.previous = previous;
        }

        /** For a one-off build: nothing to look up, nothing worth keeping. */
        public static Memo none() {
            return new Memo(false, null);
        }

        /**
         * For a one-off build whose output folder holds the pages made from {@code previous} (the
         * content snapshot's library, whose unchanged poses and sequences are the very objects of
         * the library rendered now): a page none of whose inputs were replaced keeps its file and
         * signature without being signed again. See {@link Unchanged}.
         */
        public static Memo after(Library previous) {
            return new Memo(false, previous);
        }

        /** Starts a build: what the last one made is looked up, what this one makes is kept. */
        private void start() {
            made.next(true);
            signed.next(true);
        }

        /** What {@code make} makes from {@code key} (a card's HTML, a catalog entry), made again only when new. */
        @SuppressWarnings("unchecked")
        private <T> T made(Object key, Supplier<T> make) {
            return remember ? (T) made.get(key, make) : make.get();
        }

        /** The signature of output {@code file} made from {@code inputs}, computed by {@code compute} unless known. */
        private String signature(String file, List<Object> inputs, Supplier<String> compute) {
            if (!remember) return compute.get();
            return signed.get(file, last -> last.inputs().equals(inputs), () -> new Signed(inputs, compute.get()))
                    .signature();
        }
    }

    /**
     * The pages whose inputs may have changed since the library {@code before} was rendered, when
     * it differs from the library rendered now only by replaced poses and sequences (the same
     * files, taxonomy and photos; then the others are the very same objects): the pages of the
     * replaced ones; of the poses whose related poses' front matter changed (their cards); of the
     * poses in a replaced sequence, before and after (it is listed on their pages); of the
     * sequences with a pose whose front matter changed. The pages made of every pose or sequence
     * (library, catalog, home, list of sequences) may change only when a front matter or a
     * sequence did; the sitemap, only when files were added or deleted. A pose's front matter is
     * known by its hash ({@link Origin#fieldsHash}), so that an edit of instructions changes one
     * page. These are exactly the inputs of the pages' signatures below; every test that compares
     * an incremental build with a full one checks that they are.
     */
    private record Unchanged(Set<String> posePages, Set<String> sequencePages, boolean listings) {

        /** Null when more than poses and sequences changed, or nothing is known. */
        static Unchanged of(Library before, Library now) {
            if (before == null || before.taxonomy() != now.taxonomy() || !before.photos().equals(now.photos())
                    || !before.poses().keySet().equals(now.poses().keySet())
                    || !before.sequences().keySet().equals(now.sequences().keySet())) {
                return null;
            }
            Set<String> posePages = new HashSet<>();
            Set<String> sequencePages = new HashSet<>();
            Set<String> fieldsChanged = new HashSet<>();
            now.poses().forEach((slug, pose) -> {
                Pose was = before.poses().get(slug);
                if (was == pose) return;
                posePages.add(slug);
                if (was.origin() == null || pose.origin() == null
                        || !was.origin().fieldsHash().equals(pose.origin().fieldsHash())) {
                    fieldsChanged.add(slug);
                }
            });
            now.sequences().forEach((slug, sequence) -> {
                Sequence was = before.sequences().get(slug);
                if (was == sequence) return;
                sequencePages.add(slug);
                for (Step step : was.steps()) posePages.add(step.pose());
                for (Step step : sequence.steps()) posePages.add(step.pose());
            });
            if (!fieldsChanged.isEmpty()) {
                for (Pose pose : now.poses().values()) {
                    for (String slug : pose.related()) if (fieldsChanged.contains(slug)) posePages.add(pose.slug());
                }
                for (Sequence sequence : now.sequences().values()) {
                    for (Step step : sequence.steps()) {
                        if (fieldsChanged.contains(step.pose())) sequencePages.add(sequence.slug());
                    }
                }
            }
            return new Unchanged(posePages, sequencePages, fieldsChanged.isEmpty() && sequencePages.isEmpty());
        }
    }

    /**
     * @param alongside work for the same workers, done first (the search indexes)
     * @param search what the library page needs to load the browser search index (names → URLs,
     *               known before the index is built); only the library page sees it
     * @param memo what this process kept from its last build of the same theme and options
     */
    public Result render(Library library, OutputTree tree, FileHashes hashes, int photoQuality, Runnable alongside,
            Map<String, String> search, Memo memo) {
        this.memo = memo;
        rendered.set(0);
        Templates templates = new Templates(themeDir.resolve("templates"));
        Map<String, String> assets = Assets.publish(themeDir.resolve("assets"), links, tree);

        // Maps below are filled in slug order (the library's): hash lookups, sorted iteration.
        Map<String, PhotoPlan> photos = new LinkedHashMap<>(); // by pose slug
        Parallel.map(library.poseList(), pose -> PhotoPlanner.plan(library, pose, links, hashes, photoQuality).orElse(null))
                .forEach(plan -> photos.put(plan.slug(), plan));

        // Cards and sequence links of unchanged poses and sequences are last build's objects: the
        // signatures' comparisons of inputs then mostly find the very same objects.
        memo.start();
        Map<String, PoseCard> cards = new LinkedHashMap<>();
        for (Pose pose : library.poses().values()) {
            PhotoPlan plan = photos.get(pose.slug());
            Photo photo = plan == null ? null : plan.photo();
            cards.put(pose.slug(), memo.made(new Same(pose, Arrays.asList("card", photo)), () -> card(pose, photo)));
        }
        // Each card is rendered once, when first needed, and its HTML reused wherever it appears
        // (library, related poses): far cheaper than evaluating the card template thousands of times.
        Map<String, String> cardHtml = new ConcurrentHashMap<>();
        Function<PoseCard, String> lazyCard = card -> cardHtml.computeIfAbsent(card.slug(),
                slug -> memo.made(new Same(card, "html"), () -> cardHtml(templates, assets, card, false)));
        List<PoseCard> allCards = List.copyOf(cards.values());

        Map<String, SequenceLink> sequenceLinks = new LinkedHashMap<>();
        for (Sequence sequence : library.sequences().values()) {
            sequenceLinks.put(sequence.slug(), memo.made(new Same(sequence, "link"), () -> link(sequence)));
        }
        Map<String, List<SequenceLink>> usedBy = usedBy(library, sequenceLinks);
        List<SequenceLink> allSequences = List.copyOf(sequenceLinks.values());

        // Every output is made from known inputs; its signature (a hash of them) tells whether
        // the previous build's file can be kept. The theme, options and generator are part of
        // the build's key: when they change, nothing is kept.
        // Cards and poses are parts of many signatures (pages, sequences, catalog, library): each
        // is hashed once, when first needed; the signatures of all cards and all sequences too.
        Map<String, String> cardHashes = new ConcurrentHashMap<>();
        Function<String, String> cardHash = slug -> cardHashes.computeIfAbsent(slug, s -> Signature.of(cards.get(s)));
        // A pose or sequence is what its file holds: the loader's hash of the file's text.
        Function<Pose, String> poseHash = pose -> memo.made(new Same(pose, "hash"),
                () -> contentHash(pose.origin(), pose::withoutOrigin));
        // What a pose's file says besides its instructions: all that the catalog and the pages of
        // sequences show of it, so that an edit of the instructions leaves them as they are.
        Function<Pose, String> poseFieldsHash = pose -> memo.made(new Same(pose, "fields"),
                () -> pose.origin() != null ? Signature.of(pose.origin().source().displayPath(), pose.origin().fieldsHash())
                        : Signature.of(pose.withoutOrigin()));
        Function<Sequence, String> sequenceHash = sequence -> memo.made(new Same(sequence, "hash"),
                () -> contentHash(sequence.origin(), sequence::withoutOrigin));
        Supplier<String> cardsSignature = once(() -> memo.signature("(cards)", List.of(allCards),
                () -> Signature.of(allCards.stream().map(c -> cardHash.apply(c.slug())).toList())));
        Supplier<String> sequencesSignature = once(() -> Signature.of(allSequences));

        Map<String, Object> common =
                Map.of("site", site, "links", links, "assets", assets, "csp", Headers.csp(site.apiOrigin()));
        // What a one-off build after an edit knows to be unchanged: those files are kept unsigned.
        Unchanged unchanged = Unchanged.of(memo.previous, library);
        boolean listings = unchanged != null && unchanged.listings();
        // The big items (the search stage, the library page with every card, the catalog, the
        // sitemap) go first: at the end of the list they would leave one core idle while the
        // other finishes them.
        List<Supplier<Integer>> pages = new ArrayList<>();
        pages.add(() -> {
            alongside.run();
            return 0;
        });
        pages.add(() -> {
            if (kept(tree, listings, "poses/")) return 1;
            Map<String, String> searchAssets = new TreeMap<>(search);
            return page(templates, tree, common, "library", "poses/", List.of(allCards, searchAssets),
                    () -> Signature.of(cardsSignature.get(), searchAssets),
                    "Pose library",
                    () -> "All " + allCards.size() + " poses, with instructions, benefits and cautions.", "poses",
                    () -> {
                        List<String> libraryHtml = new ArrayList<>(allCards.size());
                        for (int i = 0; i < allCards.size(); i++) {
                            // Only the first cards, visible without scrolling, load their image at once.
                            libraryHtml.add(i < EAGER_CARDS ? cardHtml(templates, assets, allCards.get(i), true)
                                    : lazyCard.apply(allCards.get(i)));
                        }
                        return Map.of("cardsHtml", libraryHtml, "search", searchAssets);
                    });
        });
        pages.add(() -> kept(tree, listings, "") ? 1 : page(templates, tree, common, "home", "",
                List.of(allCards.size(), allSequences), () -> Signature.of(allCards.size(), sequencesSignature.get()),
                site.title(), site::tagline, "home", () -> Map.of("poseCount", allCards.size(), "sequences", allSequences)));
        pages.add(() -> kept(tree, listings, "sequences/") ? 1 : page(templates, tree, common, "sequences", "sequences/",
                List.of(allSequences), sequencesSignature, "Sequences",
                () -> "Complete classes with holds, transitions and cues.", "sequences",
                () -> Map.of("sequences", allSequences)));
        pages.add(() -> page(templates, tree, common, "404", "404.html", List.of(), () -> "404",
                "Page not found", () -> "This page does not exist.", "", Map::of));
        for (StaticPages.Spec spec : StaticPages.list(themeDir.resolve("templates"))) {
            pages.add(() -> page(templates, tree, common, spec.template(), spec.sitePath(), List.of(), spec::template,
                    spec.title(), spec::description, spec.section(), Map::of));
        }

        // The sitemap and the catalog are not pages (they count 0) but run alongside them.
        pages.add(() -> {
            if (unchanged != null && tree.keepAsBefore("sitemap.xml")) return 0;
            List<String> poses = List.copyOf(library.poses().keySet());
            List<String> sequences = List.copyOf(library.sequences().keySet());
            if (!tree.keep("sitemap.xml", memo.signature("sitemap.xml", List.of(poses, sequences),
                    () -> Signature.of(poses, sequences)))) {
                SitemapWriter.write(library, links, tree);
            }
            return 0;
        });
        pages.add(() -> {
            if (listings && tree.keepAsBefore("api/catalog.json")) return 0;
            List<Sequence> sequences = List.copyOf(library.sequences().values());
            String signature = memo.signature("api/catalog.json", List.of(library.poseList(), allCards, sequences),
                    () -> Signature.of(library.poseList().stream().map(poseFieldsHash).toList(), cardsSignature.get(),
                            sequences.stream().map(sequenceHash).toList()));
            if (!tree.keep("api/catalog.json", signature)) {
                CatalogWriter.write(library, links, cards, tree, memo::made);
            }
            return 0;
        });
        for (Pose pose : library.poses().values()) {
            pages.add(() -> {
                if (kept(tree, unchanged != null && !unchanged.posePages().contains(pose.slug()),
                        Permalinks.posePath(pose.slug()))) {
                    return 1;
                }
                PoseCard card = cards.get(pose.slug());
                // (Loops, not streams: ten thousand pages are checked after every edit.)
                List<PoseCard> related = new ArrayList<>(pose.related().size());
                for (String slug : pose.related()) {
                    PoseCard other = slug.equals(pose.slug()) ? null : cards.get(slug);
                    if (other != null) related.add(other);
                }
                List<String> areas = new ArrayList<>(pose.bodyAreas().size());
                for (String area : pose.bodyAreas()) areas.add(library.taxonomy().label(area));
                List<SequenceLink> sequences = usedBy.getOrDefault(pose.slug(), List.of());
                return page(templates, tree, common, "pose", Permalinks.posePath(pose.slug()),
                        List.of(pose, card, related, areas, sequences),
                        () -> Signature.of(poseHash.apply(pose), cardHash.apply(pose.slug()),
                                related.stream().map(c -> cardHash.apply(c.slug())).toList(), areas, sequences),
                        pose.name(), () -> pose.name() + " (" + pose.sanskrit() + "): " + pose.difficulty().slug()
                                + " pose for " + String.join(", ", areas).toLowerCase(Locale.ROOT) + ".", "poses",
                        () -> Map.of("view", poseView(pose, card, areas, sequences, related.stream().map(lazyCard).toList())));
            });
        }
        for (Sequence sequence : library.sequences().values()) {
            pages.add(() -> {
                if (kept(tree, unchanged != null && !unchanged.sequencePages().contains(sequence.slug()),
                        Permalinks.sequencePath(sequence.slug()))) {
                    return 1;
                }
                List<String> slugs = sequence.steps().stream().map(Step::pose).distinct().toList();
                // Each pose of the sequence: its content and card, or its slug when it does not exist.
                List<Object> poses = slugs.stream().<Object>map(slug -> library.poses().containsKey(slug)
                        ? List.of(library.poses().get(slug), cards.get(slug)) : slug).toList();
                SequenceLink link = sequenceLinks.get(sequence.slug());
                return page(templates, tree, common, "sequence", Permalinks.sequencePath(sequence.slug()),
                        List.of(sequence, link, poses),
                        () -> Signature.of(sequenceHash.apply(sequence), link, slugs.stream()
                                .<Object>map(slug -> library.poses().containsKey(slug)
                                        ? poseFieldsHash.apply(library.poses().get(slug)) + cardHash.apply(slug) : slug)
                                .toList()),
                        sequence.title(), () -> sequence.title() + ": a " + sequence.minutes() + "-minute "
                                + sequence.difficulty().slug() + " yoga sequence.", "sequences",
                        () -> Map.of("view", sequenceView(library, sequence, cards, link)));
            });
        }
        int count = Parallel.map(pages, Supplier::get).stream().mapToInt(Integer::intValue).sum();

        tree.write("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + links.absolute("sitemap.xml") + "\n");
        tree.write("_headers", Headers.file(site.apiOrigin()));
        return new Result(count, rendered.get(), List.copyOf(photos.values()));
    }

    /**
     * Renders a page unless the previous build's copy was made from the same inputs; returns 1
     * (one page). Its signature is the hash of {@code signature} (of the inputs, in short
     * forms: the pose's file's hash rather than the pose) with the title and description,
     * or the last build's, when its {@code inputs} were equal. The title and description are
     * made from the inputs (or the theme and options, part of the build's key), and the
     * description only when needed.
     */
    private int page(Templates templates, OutputTree tree, Map<String, Object> common, String template,
            String sitePath, List<Object> inputs, Supplier<String> signature, String title,
            Supplier<String> describe, String section, Supplier<Map<String, Object>> data) {
        String file = Permalinks.file(sitePath);
        Supplier<String> description = once(describe);
        String signed = memo.signature(file, inputs, () -> Signature.of(signature.get(), title, description.get()));
        if (tree.keep(file, signed)) return 1;
        Map<String, Object> context = new HashMap<>(common);
        context.putAll(data.get());
        String canonical = sitePath.equals("404.html") ? null : links.absolute(sitePath);
        context.put("page", new Page(title, description.get(), sitePath, canonical, section));
        OutputTree.TextWriter text = out -> templates.render(template, context, out);
        if (template.equals("library")) {
            tree.writeLargeText(file, text); // every card: megabytes for a large library
        } else {
            tree.write(file, text);
        }
        rendered.incrementAndGet();
        return 1;
    }

    /** Whether the page at {@code sitePath}, its inputs {@code unchanged}, keeps the last build's file. */
    private static boolean kept(OutputTree tree, boolean unchanged, String sitePath) {
        return unchanged && tree.keepAsBefore(Permalinks.file(sitePath));
    }

    /** The signature of a pose's or sequence's content: its file's path and text, or else what it holds. */
    private static String contentHash(Origin origin, Supplier<Object> content) {
        return origin != null ? Signature.of(origin.source().displayPath(), origin.source().textHash())
                : Signature.of(content.get());
    }

    /** {@code supplier}'s value, computed on first use only. */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = supplier.get();
                return value;
            }
        };
    }

    private PoseCard card(Pose pose, Photo photo) {
        return new PoseCard(pose.slug(), links.pose(pose.slug()), pose.name(), pose.sanskrit(),
                pose.difficulty().slug(), pose.difficulty().label(),
                pose.category() == null ? null : pose.category().label(), photo);
    }

    private SequenceLink link(Sequence sequence) {
        return new SequenceLink(sequence.slug(), links.sequence(sequence.slug()), sequence.title(),
                sequence.difficulty().slug(), sequence.difficulty().label(), sequence.minutes(), sequence.audience(),
                sequence.steps().size());
    }

    private static Map<String, List<SequenceLink>> usedBy(Library library, Map<String, SequenceLink> links) {
        Map<String, List<SequenceLink>> usedBy = new HashMap<>();
        for (Sequence sequence : library.sequences().values()) {
            sequence.steps().stream().map(Step::pose).distinct().forEach(slug ->
                    usedBy.computeIfAbsent(slug, k -> new ArrayList<>()).add(links.get(sequence.slug())));
        }
        return usedBy;
    }

    private String cardHtml(Templates templates, Map<String, String> assets, PoseCard card, boolean eager) {
        return templates.render("card", Map.of("card", card, "assets", assets, "eager", eager));
    }

    private PoseView poseView(Pose pose, PoseCard card, List<String> areas, List<SequenceLink> usedBy,
            List<String> related) {
        return new PoseView(pose, card, markdown.render(pose.instructions(), 3), areas,
                pose.category() == null ? null : pose.category().label(), card.photo(),
                usedBy, related);
    }

    private SequenceView sequenceView(Library library, Sequence sequence, Map<String, PoseCard> cards,
            SequenceLink link) {
        List<StepView> steps = new ArrayList<>();
        for (int i = 0; i < sequence.steps().size(); i++) {
            Step step = sequence.steps().get(i);
            String side = step.side().label();
            steps.add(new StepView(i + 1, step, cards.get(step.pose()), side, Durations.format(step.holdSeconds())));
        }
        return new SequenceView(sequence, link, markdown.render(sequence.description(), 3), steps,
                Durations.format(sequence.computedSeconds()), Durations.iso(sequence.computedSeconds()),
                SafetySummary.of(library, sequence));
    }
}
