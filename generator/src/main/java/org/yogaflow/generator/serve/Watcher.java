package org.yogaflow.generator.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.yogaflow.generator.diag.Diagnostic;
import org.yogaflow.generator.diag.Position;
import org.yogaflow.generator.diag.Severity;

/**
 * Rebuilds the site when files change below the watched folders (content and theme), then tells
 * the pages through {@link LiveReload}. One thread does both, so builds never overlap: changes
 * made during a build wait for it and start the next one. A burst of changes (an editor saving
 * through a temporary file, a Git checkout) makes one build, once nothing changed for {@code quiet}.
 * Folders created later are watched too.
 */
public final class Watcher implements AutoCloseable {

    /** What a rebuild did: nothing (the site was up to date), a new site, or errors and no new site. */
    public record Outcome(boolean changed, List<Diagnostic> errors) {}

    private final WatchService service;
    private final Duration quiet;
    private final Function<Set<Path>, Outcome> rebuild;
    private Set<Path> changed; // since the last build; null when not known (the first build, lost events)
    private final LiveReload live;
    private final Thread thread;

    private Watcher(List<Path> roots, Duration quiet, Function<Set<Path>, Outcome> rebuild, LiveReload live)
            throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.quiet = quiet;
        this.rebuild = rebuild;
        this.live = live;
        for (Path root : roots) registerTree(root);
        this.thread = Thread.ofPlatform().name("yogaflow-watch").daemon().unstarted(this::run);
    }

    /**
     * @param rebuild builds the site, given the files and folders created, changed or deleted
     *                since the last build, or null when they are not known: for the first
     *                build (changes made before the folders were watched are not reported) and
     *                after the system dropped events
     */
    public static Watcher start(List<Path> roots, Duration quiet, Function<Set<Path>, Outcome> rebuild, LiveReload live)
            throws IOException {
        Watcher watcher = new Watcher(roots, quiet, rebuild, live);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        try {
            while (true) {
                handle(service.take());
                // Wait until the changes settle.
                for (WatchKey more; (more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
                    handle(more);
                }
                Set<Path> paths = changed;
                changed = new HashSet<>();
                Outcome outcome;
                try {
                    outcome = rebuild.apply(paths);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // A broken theme template, say: shown like a content error. The watcher goes on,
                    // so that the next edit is built again (a dead watcher would say nothing).
                    outcome = new Outcome(false, List.of(new Diagnostic(Position.file("build"), Severity.ERROR,
                            e.getMessage() != null ? e.getMessage() : e.toString(), null)));
                }
                if (!outcome.errors().isEmpty()) {
                    live.failed(outcome.errors());
                } else if (outcome.changed() || live.broken()) {
                    live.reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Watches folders created since, and re-arms the key. */
    private void handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || !(event.context() instanceof Path)) {
                changed = null;
            } else if (changed != null) {
                changed.add(dir.resolve((Path) event.context()));
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                    && Files.isDirectory(dir.resolve(name))) {
                try {
                    registerTree(dir.resolve(name));
                } catch (IOException | UncheckedIOException e) {
                    // gone again already
                }
            }
        }
        key.reset();
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    @Override
    public void close() throws IOException {
        // Not an interrupt: a build in progress finishes (or fails) cleanly, then the loop ends.
        service.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
