package org.yogaflow.generator.build;

import static org.yogaflow.generator.build.Parallel.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yogaflow.generator.cache.FileHashes;
import org.yogaflow.generator.cache.KeyOrder;
import org.yogaflow.generator.cache.RenditionCache;
import org.yogaflow.generator.cache.SiteManifest;
import org.yogaflow.generator.content.ContentLoader;
import org.yogaflow.generator.content.ContentSnapshot;
import org.yogaflow.generator.content.Library;
import org.yogaflow.generator.diag.Diagnostic;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Severity;
import org.yogaflow.generator.images.ImageStage;
import org.yogaflow.generator.publish.OutputTree;
import org.yogaflow.generator.publish.Publisher;
import org.yogaflow.generator.render.Permalinks;
import org.yogaflow.generator.render.SiteRenderer;
import org.yogaflow.generator.search.SearchIndexer;
import org.yogaflow.generator.validate.Validator;

/**
 * The build, as its ordered list of stages: load → validate → render (with search alongside) →
 * images → publish.
 * Content problems stop the build after validate; any failure before publish discards the
 * staging folder, so the published site is only ever replaced by a complete one.
 */
public final class Pipeline {

    private final BuildOptions options;
    private final Progress progress;
    private final Memory memory;
    private final List<BuildReport.StageTiming> timings = new ArrayList<>();
    private ImageStage.Stats images;

    public Pipeline(BuildOptions options) {
        this(options, Progress.NONE);
    }

    public Pipeline(BuildOptions options, Progress progress) {
        this(options, progress, null);
    }

    /**
     * @param memory what a long-running process (yogaflow dev) kept from its earlier builds;
     *               null for a one-off build
     */
    public Pipeline(BuildOptions options, Progress progress, Memory memory) {
        this.options = options;
        this.progress = progress;
        this.memory = memory;
    }

    /**
     * What a long-running process keeps between its builds, so that a build after an edit reads
     * only the changed content files and only the changed terms of the search index, and takes
     * the site it published last as it left it instead of checking every published file.
     */
    public static final class Memory {
        final ContentLoader.Memo content = new ContentLoader.Memo();
        final SearchIndexer.Memo search = new SearchIndexer.Memo();
        private SiteRenderer.Memo render = new SiteRenderer.Memo();
        private String renderKey;
        private Published published;
        // The content files' stamps as the last build saw them, and the files changed since,
        // as a file watcher reported them; unknown (a walk of the content folder) when null.
        private Map<String, String> stamps;
        private Path stampedContent;
        private Set<Path> changed;

        /**
         * Tells the next build which files and folders changed since the last one (created,
         * modified or deleted), as a file watcher reports them, so that it need not stamp every
         * content file to find out; null when that is not known (the watcher lost events).
         */
        public synchronized void changed(Collection<Path> paths) {
            if (paths == null) {
                stamps = null;
            } else {
                if (changed == null) changed = new HashSet<>();
                changed.addAll(paths);
            }
        }

        /**
         * The content's stamps now: the last ones updated for the files reported changed since, or
         * a walk when nothing was reported (no watcher) or the watcher lost track.
         */
        private synchronized Map<String, String> stamps(Path content) {
            Map<String, String> now = stamps != null && content.equals(stampedContent) && changed != null
                    ? BuildKey.restamp(content, stamps, changed) : null;
            if (now == null) now = BuildKey.stamps(content);
            stamps = now.isEmpty() ? null : now;
            stampedContent = content;
            changed = null;
            return now;
        }

        public ContentLoader.Memo content() {
            return content;
        }

        public SearchIndexer.Memo search() {
            return search;
        }

        /** Whether the last build trusted the site this process had published (for tests). */
        boolean lastTrusted;

        /**
         * The last site this process published, with the identity (inode, time, size) of the
         * output folder and of the manifest as it left them, and the files of the site kept
         * beside the output when it knows them (with that folder's identity). While the output
         * folder and the manifest are unchanged, no other build has replaced them, nor has a
         * file been added at the site's top level: a watching process owns its output, as
         * every static-site preview server does, and a file changed deeper inside by hand is
         * made again at the latest by the next build of a new process.
         */
        private record Published(SiteManifest manifest, String identity, Set<String> previousFiles,
                String previousIdentity) {}

        /** The last published site, if the output and the manifest are still as it left them. */
        private Published trusted(Path out, Path manifestFile) {
            Published p = published;
            return p != null && p.identity().equals(identity(out, manifestFile)) ? p : null;
        }

        /** The kept previous site's files, if it is still the folder they were recorded for. */
        private static Set<String> previousFiles(Published trusted, Path out) {
            if (trusted == null || trusted.previousFiles() == null) return null;
            return trusted.previousIdentity().equals(identity(Publisher.kept(out))) ? trusted.previousFiles() : null;
        }

        /** What rendering kept, for a build of {@code key} (the theme, options and generator): nothing for another key. */
        private SiteRenderer.Memo render(String key) {
            if (!key.equals(renderKey)) {
                render = new SiteRenderer.Memo();
                renderKey = key;
            }
            return render;
        }

        private void remember(SiteManifest manifest, Set<String> previousFiles, Path out, Path manifestFile) {
            published = new Published(manifest, identity(out, manifestFile), previousFiles,
                    identity(Publisher.kept(out)));
        }

        private static String identity(Path... paths) {
            StringBuilder id = new StringBuilder();
            for (Path path : paths) {
                try {
                    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    id.append(a.fileKey()).append(' ').append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS)).append(' ')
                            .append(a.size()).append(';');
                } catch (IOException e) {
                    id.append("none;");
                }
            }
            return id.toString();
        }
    }

    /** Load and validate only; writes nothing. */
    public BuildReport validate() {
        Diagnostics diagnostics = new Diagnostics();
        Library library = loadAndValidate(diagnostics, null, () -> memory == null ? null : memory.content);
        return report(diagnostics, library, 0, 0, false);
    }

    /**
     * Builds and publishes the site. When a previous build of the same generator, theme and
     * options left a manifest in the cache folder, only what changed is rendered again, and a
     * build where nothing changed does nothing at all.
     */
    public BuildReport build() {
        Diagnostics diagnostics = new Diagnostics();
        long started = System.currentTimeMillis();
        long checkStart = System.nanoTime();
        Permalinks links = new Permalinks(options.baseUrl());
        Path manifestFile = options.cache().resolve("site-manifest.tsv");
        // In a watching process, the site it published last, if nothing else has replaced it.
        Memory.Published trusted = memory == null ? null : memory.trusted(options.out(), manifestFile);
        if (memory != null) memory.lastTrusted = trusted != null;
        // The theme is hashed and the last manifest read while the content is stamped; then a
        // one-off build reads the last build's content, kept on disk, as a watching process keeps
        // it in memory: the load reads only the files changed since.
        Path snapshotFile = options.cache().resolve("content-snapshot.bin");
        String snapshotKey = BuildKey.generatorStamp();
        FutureTask<String> hashing = new FutureTask<>(() -> BuildKey.of(options));
        FutureTask<Optional<SiteManifest>> reading = new FutureTask<>(() -> trusted != null
                ? Optional.of(trusted.manifest()) : SiteManifest.load(manifestFile));
        FutureTask<ContentLoader.Memo> remembering = new FutureTask<>(() -> memory != null ? memory.content
                : ContentSnapshot.read(snapshotFile, snapshotKey, options.content()));
        Thread.ofPlatform().name("yogaflow-key").daemon(true).start(() -> {
            hashing.run();
            reading.run();
            remembering.run();
        });
        // Meanwhile too, once the manifest is read: the published files that are still as the last
        // build left them (not edited by hand), and the files of the site kept beside them. Only
        // looked at here; the staging folder is made of them once the build knows it has work.
        Publisher publisher = new Publisher(options.out());
        FutureTask<Map<String, OutputTree.Output>> checking = new FutureTask<>(() -> {
            String key = result(hashing);
            return result(reading).filter(m -> m.key().equals(key))
                    .map(m -> trusted != null ? m.outputs() : intactOutputs(m)).orElse(Map.of());
        });
        FutureTask<Set<String>> listing = new FutureTask<>(() -> {
            if (result(checking).isEmpty()) return null;
            if (trusted != null) return Memory.previousFiles(trusted, options.out());
            // Only the kept site's folders changed since the build that made it started are read.
            SiteManifest m = result(reading).orElseThrow();
            return m.delta() == null || m.keptStarted() == null ? publisher.keptFiles()
                    : publisher.keptFiles(m.outputs().keySet(), m.delta(), m.keptStarted());
        });
        Thread.ofPlatform().name("yogaflow-site").daemon(true).start(() -> {
            checking.run();
            listing.run();
        });
        Map<String, String> stamps = memory == null ? BuildKey.stamps(options.content()) : memory.stamps(options.content());
        String key = result(hashing);
        Optional<SiteManifest> last = result(reading);
        Optional<SiteManifest> manifest = last.filter(m -> m.key().equals(key));
        boolean inputsUnchanged = manifest.isPresent() && !stamps.isEmpty() && manifest.get().inputs().equals(stamps);
        Map<String, OutputTree.Output> intactEarly = inputsUnchanged ? result(checking) : null;
        timings.add(new BuildReport.StageTiming("check", Duration.ofNanos(System.nanoTime() - checkStart),
                stamps.size() + " content files, " + (trusted != null ? "the site this process published"
                        : manifest.isEmpty() ? "no earlier build of these options"
                        : intactEarly == null ? "some changed since the last build"
                        : intactEarly.size() + " published files intact")));
        if (intactEarly != null && !intactEarly.isEmpty() && intactEarly.size() == manifest.get().outputs().size()) {
            // Nothing changed since the last build, and the published site is its output.
            remembering.cancel(false);
            listing.cancel(false);
            if (memory != null && trusted == null) memory.remember(manifest.get(), null, options.out(), manifestFile);
            return new BuildReport(diagnostics, List.copyOf(timings), 0, 0, 0, 0, true, null,
                    manifest.get().warnings(), true);
        }

        // The staging folder is made on a thread of its own while the content is loaded and
        // validated: with a manifest of the same key, from the published site, to replace only
        // what changed; otherwise empty, to render everything.
        FutureTask<Staged> stagingTask = new FutureTask<>(() -> {
            long start = System.nanoTime();
            Map<String, OutputTree.Output> intact = result(checking);
            if (intact.isEmpty()) return new Staged(publisher.createStaging(), intact, null);
            Path s = publisher.stageFromPublished(intact.keySet(), manifest.get().delta(), result(listing));
            // Files changed by hand since are not reused: they are made again.
            manifest.get().outputs().keySet().stream().filter(p -> !intact.containsKey(p))
                    .forEach(p -> Publisher.delete(s, p));
            return new Staged(s, intact, Duration.ofNanos(System.nanoTime() - start));
        });
        Thread.ofPlatform().name("yogaflow-staging").start(stagingTask);

        Library library = loadAndValidate(diagnostics, stamps, () -> result(remembering));
        if (diagnostics.fails(options.strict())) {
            // Nothing is rendered: a staging folder made from the published site is a copy of it,
            // kept for the next build to start from.
            try {
                Staged staged = result(stagingTask);
                if (staged.reused() != null) publisher.keep(staged.folder());
                else publisher.discard(staged.folder());
            } catch (RuntimeException e) {
                // the build stops here anyway; the next one clears what is left
            }
            return report(diagnostics, library, 0, 0, false);
        }
        Staged staged;
        try {
            staged = result(stagingTask);
        } catch (UncheckedIOException e) {
            if (trusted == null) throw e;
            // A published file this process trusted to be there is gone (deleted by hand): the
            // build starts again and checks every published file.
            memory.published = null;
            return new Pipeline(options, progress, memory).build();
        }
        Library published = library.published(options.drafts());
        Map<String, OutputTree.Output> intact = staged.intact();
        boolean incremental = !intact.isEmpty();
        Path staging = staged.folder();
        if (incremental) {
            timings.add(new BuildReport.StageTiming("reuse", staged.reused(),
                    intact.size() + " files of the published site (alongside load)"));
        }
        FileHashes hashes = FileHashes.load(options.cache().resolve("source-hashes.tsv"));
        Path searchStaging = staging.resolveSibling(staging.getFileName() + "-search");
        OutputTree tree = new OutputTree(staging, intact);
        // The search indexes are the render workers' first task (more threads than cores would
        // only take turns); the Lucene index is written on a thread of its own meanwhile, which
        // after an edit is the only reader of the previous one.
        // A one-off build starts from the terms of the last one, saved in the cache, as a watching
        // process starts from its memory.
        Path termsFile = options.cache().resolve("search-terms.tsv");
        SearchIndexer.Memo searchMemo = memory != null ? memory.search : !incremental ? new SearchIndexer.Memo()
                : SearchIndexer.Memo.restore(termsFile, staging, ContentSnapshot.saved(result(remembering)));
        FutureTask<SearchIndexer.Result> search = new FutureTask<>(() -> SearchIndexer.write(published, links, tree,
                searchStaging, incremental ? SearchIndexer.luceneDir(options.out()) : null, searchMemo));
        boolean done = false;
        try {
            long searchStart = System.nanoTime();
            // Photos are planned during render, because templates need their renditions' URLs
            // and sizes; the images stage then encodes them, or takes them from the cache.
            SiteRenderer.Result rendered = stage("render", () -> new SiteRenderer(options.theme(), links, options.site())
                    .render(published, tree, hashes, options.photos().quality(), search, SearchIndexer.assets(published, links),
                            memory != null ? memory.render(key) : !incremental ? SiteRenderer.Memo.none()
                                    : SiteRenderer.Memo.after(previousPublished(result(remembering)))),
                    r -> r.pages() + " pages" + (incremental ? " (" + r.rendered() + " rendered, "
                            + (r.pages() - r.rendered()) + " unchanged)" : ""));
            SearchIndexer.Result indexed = result(search);
            timings.add(new BuildReport.StageTiming("search", Duration.ofNanos(System.nanoTime() - searchStart),
                    indexed.documents() + " documents (alongside render: " + indexed.timings() + ")"));
            RenditionCache renditions = new RenditionCache(options.cache().resolve("renditions"));
            images = stage("images", () -> ImageStage.run(rendered.photos(), tree, renditions,
                    options.cache().resolve("bin"), diagnostics, progress),
                    s -> s.encoded() + " encoded, " + s.cached() + " cached");
            if (diagnostics.hasErrors()) {
                return report(diagnostics, library, 0, 0, false);
            }
            Set<String> removed = tree.leftovers();
            removed.forEach(path -> Publisher.delete(staging, path));
            // In path order; after an edit, the last manifest's order (the same paths) without sorting.
            Map<String, OutputTree.Output> outputs = KeyOrder.sorted(tree.outputs(),
                    manifest.map(m -> m.outputs().keySet()).orElse(null));
            if (memory != null) memory.published = null; // until this build is published and recorded
            SiteManifest.delete(manifestFile); // from here until it is saved again, the next build is a full one
            stage("publish", () -> {
                publisher.publish(staging);
                Publisher.replace(SearchIndexer.luceneDir(options.out()), searchStaging);
                return tree.fileCount();
            }, n -> n + " files → " + options.out());
            done = true;
            // What differs between the new site and the one kept beside it: every file written
            // (kept files are shared), and every file removed. Unknown after a full build.
            Set<String> delta = null;
            if (incremental) {
                delta = new HashSet<>(removed);
                delta.addAll(tree.rewritten());
                // Files edited by hand were deleted from staging above: they differ too.
                manifest.get().outputs().keySet().stream().filter(p -> !intact.containsKey(p)).forEach(delta::add);
            }
            List<String> warnings = diagnostics.sorted().stream().map(Diagnostic::format).toList();
            Set<String> changed = delta;
            stage("record", () -> {
                // A one-off build's content and search terms, for the next build to start from, are
                // saved on a thread of their own meanwhile: each file is replaced atomically, and
                // read only when it is whole.
                FutureTask<Void> saving = new FutureTask<>(() -> {
                    ContentSnapshot.write(snapshotFile, snapshotKey, result(remembering));
                    searchMemo.save(termsFile);
                    return null;
                });
                if (memory == null) Thread.ofPlatform().name("yogaflow-save").start(saving);
                // The site published before this one is now kept beside it: the last manifest's.
                SiteManifest saved = new SiteManifest(key, stamps, outputs, changed, warnings, started,
                        last.map(SiteManifest::started).orElse(null));
                saved.save(manifestFile);
                // The site published before this one, now kept beside it, holds exactly the files
                // its manifest lists when this process had left it untouched.
                if (memory != null) {
                    memory.remember(saved, trusted == null ? null : trusted.manifest().outputs().keySet(),
                            options.out(), manifestFile);
                }
                hashes.save();
                renditions.prune(); // renditions of deleted or changed photos, or of old settings
                if (memory == null) result(saving);
                return outputs.size();
            }, n -> n + " outputs in the manifest");
            return report(diagnostics, library, rendered.pages(), rendered.photos().size(), true);
        } finally {
            if (!done) {
                // The render workers have stopped, and with them the search task if it started.
                search.cancel(false);
                publisher.discard(staging);
                publisher.discard(searchStaging);
            }
        }
    }

    /**
     * A staging folder, and the published files it holds (none for an empty folder), with the time
     * linking them took (null for an empty folder).
     */
    private record Staged(Path folder, Map<String, OutputTree.Output> intact, Duration reused) {}

    /**
     * The library the published site was made from, as far as this build knows it: the content
     * snapshot's, which the last build that published wrote (an older one, after a build that
     * died before writing it, differs in more files, all read again). Null when there is none.
     */
    private Library previousPublished(ContentLoader.Memo memo) {
        Library saved = ContentSnapshot.saved(memo);
        return saved == null ? null : saved.published(options.drafts());
    }

    /** The manifest's outputs that the output folder still holds as the last build left them (same size). */
    private Map<String, OutputTree.Output> intactOutputs(SiteManifest manifest) {
        Map<String, OutputTree.Output> intact = new HashMap<>();
        Path out = options.out();
        manifest.outputs().forEach((path, output) -> {
            try {
                if (Files.size(out.resolve(path)) == output.size()) intact.put(path, output);
            } catch (IOException e) {
                // missing: not reused
            }
        });
        return intact;
    }

    /** @param memo what the load starts from (a watching process's memory, the last build's snapshot), or null */
    private Library loadAndValidate(Diagnostics diagnostics, Map<String, String> stamps, Supplier<ContentLoader.Memo> memo) {
        int[] reused = {0};
        Library library = stage("load", () -> {
            ContentLoader.Memo from = memo.get();
            int before = from == null ? 0 : from.reused();
            Library loaded = ContentLoader.load(options.content(), diagnostics, from, stamps);
            reused[0] = from == null ? 0 : from.reused() - before;
            return loaded;
        }, l -> l.poses().size() + " poses, " + l.sequences().size() + " sequences"
                + (reused[0] > 0 ? " (" + reused[0] + " as the last build read them)" : ""));
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
                pages, photos, published, images, List.of(), false);
    }
}
