package org.yogaflow.generator.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yogaflow.generator.cache.FileHashes;
import org.yogaflow.generator.cache.RenditionCache;
import org.yogaflow.generator.content.ContentLoader;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Severity;
import org.yogaflow.generator.images.ImageStage;
import org.yogaflow.generator.publish.OutputTree;
import org.yogaflow.generator.publish.Publisher;
import org.yogaflow.generator.render.Permalinks;
import org.yogaflow.generator.render.SiteRenderer;
import org.yogaflow.generator.render.views.SiteInfo;
import org.yogaflow.generator.validate.Validator;

/**
 * The build, as its ordered list of stages: load → validate → render → images → publish.
 * Content problems stop the build after validate; any failure before publish discards the
 * staging folder, so the published site is only ever replaced by a complete one.
 */
public final class Pipeline {

    private final BuildOptions options;
    private final Progress progress;
    private final List<BuildReport.StageTiming> timings = new ArrayList<>();
    private ImageStage.Stats images;

    public Pipeline(BuildOptions options) {
        this(options, Progress.NONE);
    }

    public Pipeline(BuildOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Load and validate only; writes nothing. */
    public BuildReport validate() {
        Diagnostics diagnostics = new Diagnostics();
        Library library = loadAndValidate(diagnostics);
        return report(diagnostics, library, 0, 0, false);
    }

    public BuildReport build() {
        Diagnostics diagnostics = new Diagnostics();
        Permalinks links = new Permalinks(options.baseUrl());
        Library library = loadAndValidate(diagnostics);
        if (diagnostics.fails(options.strict())) {
            return report(diagnostics, library, 0, 0, false);
        }
        Library published = library.published(options.drafts());

        Publisher publisher = new Publisher(options.out());
        Path staging = publisher.createStaging();
        FileHashes hashes = FileHashes.load(options.cache().resolve("source-hashes.tsv"));
        boolean done = false;
        try {
            OutputTree tree = new OutputTree(staging);
            // Photos are planned during render, because templates need their renditions' URLs
            // and sizes; the images stage then encodes them, or takes them from the cache.
            SiteRenderer.Result rendered = stage("render", () -> new SiteRenderer(options.theme(), links, SiteInfo.DEFAULT)
                    .render(published, tree, hashes, options.photos().quality()), r -> r.pages() + " pages");
            RenditionCache renditions = new RenditionCache(options.cache().resolve("renditions"));
            images = stage("images", () -> ImageStage.run(rendered.photos(), tree, renditions, diagnostics, progress),
                    s -> s.encoded() + " encoded, " + s.cached() + " cached");
            if (diagnostics.hasErrors()) {
                return report(diagnostics, library, 0, 0, false);
            }
            stage("publish", () -> {
                publisher.publish(staging);
                return tree.fileCount();
            }, n -> n + " files → " + options.out());
            done = true;
            hashes.save();
            renditions.prune(); // renditions of deleted or changed photos, or of old settings
            return report(diagnostics, library, rendered.pages(), rendered.photos().size(), true);
        } finally {
            if (!done) publisher.discard(staging);
        }
    }

    private Library loadAndValidate(Diagnostics diagnostics) {
        Library library = stage("load", () -> ContentLoader.load(options.content(), diagnostics),
                l -> l.poses().size() + " poses, " + l.sequences().size() + " sequences");
        stage("validate", () -> {
            Validator.validate(library, options.drafts(), options.photos(), diagnostics);
            return diagnostics;
        }, d -> "errors: " + d.count(Severity.ERROR) + ", warnings: " + d.count(Severity.WARNING));
        return library;
    }

    private <T> T stage(String name, Supplier<T> work, Function<T, String> detail) {
        long start = System.nanoTime();
        T result = work.get();
        timings.add(new BuildReport.StageTiming(name, Duration.ofNanos(System.nanoTime() - start), detail.apply(result)));
        return result;
    }

    private BuildReport report(Diagnostics diagnostics, Library library, int pages, int photos, boolean published) {
        Library shown = library.published(options.drafts());
        return new BuildReport(diagnostics, List.copyOf(timings), shown.poses().size(), shown.sequences().size(),
                pages, photos, published, images);
    }
}
