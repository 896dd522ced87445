package org.yogaflow.generator.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.yogaflow.generator.build.Parallel;
import org.yogaflow.generator.cache.FileHashes;
import org.yogaflow.generator.content.Durations;
import org.yogaflow.generator.content.Library;
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

    /** What rendering produced, for the later stages and the build summary. */
    public record Result(int pages, List<PhotoPlan> photos) {}

    /** How many cards at the top of the library load their image eagerly. */
    private static final int EAGER_CARDS = 6;

    private final Path themeDir;
    private final Permalinks links;
    private final SiteInfo site;
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    public SiteRenderer(Path themeDir, Permalinks links, SiteInfo site) {
        this.themeDir = themeDir;
        this.links = links;
        this.site = site;
    }

    public Result render(Library library, OutputTree tree, FileHashes hashes, int photoQuality) {
        Templates templates = new Templates(themeDir.resolve("templates"));
        Map<String, String> assets = Assets.publish(themeDir.resolve("assets"), links, tree);

        Map<String, PhotoPlan> photos = new TreeMap<>(); // by pose slug
        Parallel.map(library.poseList(), pose -> PhotoPlanner.plan(library, pose, links, hashes, photoQuality).orElse(null))
                .forEach(plan -> photos.put(plan.slug(), plan));

        Map<String, PoseCard> cards = new TreeMap<>();
        for (Pose pose : library.poses().values()) {
            PhotoPlan photo = photos.get(pose.slug());
            cards.put(pose.slug(), card(pose, photo == null ? null : photo.photo()));
        }
        // Each card is rendered once and its HTML reused wherever it appears (library, related
        // poses): far cheaper than evaluating the card template thousands of times.
        List<PoseCard> allCards = List.copyOf(cards.values());
        Map<String, String> cardHtml = new HashMap<>();
        List<String> lazyHtml = Parallel.map(allCards, card -> cardHtml(templates, assets, card, false));
        for (int i = 0; i < allCards.size(); i++) cardHtml.put(allCards.get(i).slug(), lazyHtml.get(i));
        // Only the first cards of the library, visible without scrolling, load their image at once.
        List<String> libraryHtml = new ArrayList<>(lazyHtml);
        for (int i = 0; i < Math.min(EAGER_CARDS, allCards.size()); i++) {
            libraryHtml.set(i, cardHtml(templates, assets, allCards.get(i), true));
        }

        Map<String, SequenceLink> sequenceLinks = new TreeMap<>();
        for (Sequence sequence : library.sequences().values()) {
            sequenceLinks.put(sequence.slug(), link(sequence));
        }
        Map<String, List<SequenceLink>> usedBy = usedBy(library, sequenceLinks);

        Map<String, Object> common =
                Map.of("site", site, "links", links, "assets", assets, "csp", Headers.CONTENT_SECURITY_POLICY);
        List<Supplier<Integer>> pages = new ArrayList<>();
        // The few large outputs (library, catalog, sitemap) go first: at the end of the list they
        // would leave one core idle while the other finishes them.
        List<SequenceLink> allSequences = List.copyOf(sequenceLinks.values());
        pages.add(() -> page(templates, tree, common, "home", "",
                site.title(), site.tagline(), "home",
                Map.of("poseCount", allCards.size(), "sequences", allSequences)));
        pages.add(() -> page(templates, tree, common, "library", "poses/",
                "Pose library", "All " + allCards.size() + " poses, with instructions, benefits and cautions.", "poses",
                Map.of("cardsHtml", libraryHtml)));
        pages.add(() -> page(templates, tree, common, "sequences", "sequences/",
                "Sequences", "Complete classes with holds, transitions and cues.", "sequences",
                Map.of("sequences", allSequences)));
        pages.add(() -> page(templates, tree, common, "404", "404.html",
                "Page not found", "This page does not exist.", "", Map.of()));

        // The sitemap and the catalog are not pages (they count 0) but run alongside them.
        pages.add(() -> {
            SitemapWriter.write(library, links, tree);
            return 0;
        });
        pages.add(() -> {
            CatalogWriter.write(library, links, cards, tree);
            return 0;
        });
        for (Pose pose : library.poses().values()) {
            pages.add(() -> {
                PoseView view = poseView(library, pose, cards, cardHtml, usedBy);
                String description = pose.name() + " (" + pose.sanskrit() + "): " + pose.difficulty().slug()
                        + " pose for " + String.join(", ", view.bodyAreas()).toLowerCase(Locale.ROOT) + ".";
                page(templates, tree, common, "pose", Permalinks.posePath(pose.slug()),
                        pose.name(), description, "poses", Map.of("view", view));
                return 1;
            });
        }
        for (Sequence sequence : library.sequences().values()) {
            pages.add(() -> {
                SequenceView view = sequenceView(library, sequence, cards, sequenceLinks.get(sequence.slug()));
                String description = sequence.title() + ": a " + sequence.minutes() + "-minute "
                        + sequence.difficulty().slug() + " yoga sequence.";
                page(templates, tree, common, "sequence", Permalinks.sequencePath(sequence.slug()),
                        sequence.title(), description, "sequences", Map.of("view", view));
                return 1;
            });
        }
        int count = Parallel.map(pages, Supplier::get).stream().mapToInt(Integer::intValue).sum();

        tree.write("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + links.absolute("sitemap.xml") + "\n");
        tree.write("_headers", Headers.file());
        return new Result(count, List.copyOf(photos.values()));
    }

    private int page(Templates templates, OutputTree tree, Map<String, Object> common, String template,
            String sitePath, String title, String description, String section, Map<String, Object> data) {
        Map<String, Object> context = new HashMap<>(common);
        context.putAll(data);
        String canonical = sitePath.equals("404.html") ? null : links.absolute(sitePath);
        context.put("page", new Page(title, description, sitePath, canonical, section));
        tree.write(Permalinks.file(sitePath), out -> templates.render(template, context, out));
        return 1;
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

    private PoseView poseView(Library library, Pose pose, Map<String, PoseCard> cards, Map<String, String> cardHtml,
            Map<String, List<SequenceLink>> usedBy) {
        PoseCard card = cards.get(pose.slug());
        List<String> areas = pose.bodyAreas().stream().map(library.taxonomy()::label).toList();
        List<String> related = pose.related().stream()
                .filter(slug -> !slug.equals(pose.slug()) && cardHtml.containsKey(slug)).map(cardHtml::get).toList();
        return new PoseView(pose, card, markdown.render(pose.instructions(), 3), areas,
                pose.category() == null ? null : pose.category().label(), card.photo(),
                usedBy.getOrDefault(pose.slug(), List.of()), related);
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
