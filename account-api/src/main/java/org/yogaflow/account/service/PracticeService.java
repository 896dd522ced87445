package org.yogaflow.account.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.yogaflow.account.catalog.Catalog;
import org.yogaflow.account.store.FavoriteRow;
import org.yogaflow.account.store.PracticeStore;
import org.yogaflow.account.store.SessionRow;
import org.yogaflow.account.store.SessionWriter;
import org.yogaflow.account.store.UnknownUserException;

/**
 * Practice sessions, progress, favorites, achievements and the public popularity counts.
 * Sequence and pose slugs are checked against the current catalog of the site.
 */
public final class PracticeService {

    public static final int MAX_DURATION_SECONDS = 6 * 3600;
    public static final int MAX_NOTES = 2000;
    public static final int MAX_PAGE = 100;
    /** Client clocks run a little fast; a start this far ahead of ours is still "now". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Duration POPULAR_TTL = Duration.ofMinutes(5);

    private final PracticeStore store;
    private final SessionWriter writer;
    private final Supplier<Catalog> catalog;
    private final Clock clock;
    private final FactsCache facts = new FactsCache(20_000);
    private volatile Popularity popular;

    public PracticeService(PracticeStore store, SessionWriter writer, Supplier<Catalog> catalog, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Logs a session. With an idempotency key, a retry (however many, however concurrent)
     * returns the session the first request created, with {@code created} false; the same key
     * with different fields is refused.
     */
    public Logged log(long userId, SessionInput in, String idempotencyKey) {
        Instant now = clock.instant();
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (!catalog.get().hasSequence(in.sequence())) {
            problems.put("sequence", "Unknown sequence '" + in.sequence() + "'.");
        }
        if (in.durationSeconds() < 1 || in.durationSeconds() > MAX_DURATION_SECONDS) {
            problems.put("duration_seconds", "Use 1 to " + MAX_DURATION_SECONDS + " seconds (6 hours).");
        }
        if (in.startedAt() != null && in.startedAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.put("started_at", "The start of a session cannot be in the future.");
        } else if (in.startedAt() != null && in.startedAt().isBefore(EARLIEST)) {
            problems.put("started_at", "The start of a session cannot be before 2000.");
        }
        if (in.notes() != null && in.notes().codePointCount(0, in.notes().length()) > MAX_NOTES) {
            problems.put("notes", "Use at most " + MAX_NOTES + " characters.");
        }
        if (!problems.isEmpty()) {
            throw ServiceException.invalid(problems);
        }
        String requestHash = idempotencyKey == null ? null : Secrets.sha256(String.join("\u0000", in.sequence(),
                Integer.toString(in.durationSeconds()), Boolean.toString(in.completed()),
                String.valueOf(in.startedAt()), String.valueOf(in.notes())));
        long startedAt = (in.startedAt() == null ? now : in.startedAt()).toEpochMilli();
        CompletableFuture<SessionWriter.Written> pending = writer.write(new SessionWriter.NewSession(userId,
                in.sequence(), in.durationSeconds(), in.completed(), startedAt, in.notes(), now.toEpochMilli(),
                idempotencyKey, requestHash));
        // Also on completion: a write that outlives our wait below still clears the cache.
        pending.whenComplete((w, e) -> facts.invalidate(userId));
        SessionWriter.Written written;
        try {
            written = pending.get(30, TimeUnit.SECONDS);
            facts.invalidate(userId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving a session", e);
        } catch (TimeoutException e) {
            throw new ServiceException(Failure.BUSY, "Saving took too long; retry with the same Idempotency-Key.",
                    Map.of(), Duration.ofSeconds(1));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalStateException s && s.getMessage().startsWith("shutting down")) {
                throw new ServiceException(Failure.BUSY, "The service is restarting; retry with the same Idempotency-Key.",
                        Map.of(), Duration.ofSeconds(1));
            }
            if (e.getCause() instanceof UnknownUserException) {
                // The account was deleted while the session waited in the queue.
                throw TokenService.unauthorized();
            }
            throw new IllegalStateException("saving a session failed", e.getCause());
        }
        if (!written.created() && !written.row().requestHash().equals(requestHash)) {
            throw new ServiceException(Failure.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different session; use a new key for a new session.");
        }
        return new Logged(view(written.row()), written.created());
    }

    static PracticeSession view(SessionRow r) {
        return new PracticeSession(r.id(), r.sequence(), r.durationSeconds(), r.completed(),
                Instant.ofEpochMilli(r.startedAt()), r.notes(), Instant.ofEpochMilli(r.createdAt()));
    }

    /** Sessions newest first, {@code limit} per page, continuing after {@code cursor} if given. */
    public Page<PracticeSession> list(long userId, int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ServiceException.invalid("limit", "Use 1 to " + MAX_PAGE + ".");
        }
        List<SessionRow> rows;
        if (cursor == null) {
            rows = store.newestSessions(userId, limit + 1);
        } else {
            long[] c = decodeCursor(cursor);
            rows = store.sessionsAfter(userId, c[0], c[1], limit + 1);
        }
        boolean more = rows.size() > limit;
        List<PracticeSession> items = new ArrayList<>();
        for (SessionRow r : more ? rows.subList(0, limit) : rows) {
            items.add(view(r));
        }
        String next = null;
        if (more) {
            SessionRow last = rows.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.startedAt() + "." + last.id()).getBytes(StandardCharsets.US_ASCII));
        }
        return new Page<>(items, next);
    }

    private static long[] decodeCursor(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int dot = plain.indexOf('.');
            return new long[] {Long.parseLong(plain.substring(0, dot)), Long.parseLong(plain.substring(dot + 1))};
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ServiceException.invalid("cursor", "Use the next_cursor of the previous page.");
        }
    }

    public void delete(long userId, long sessionId) {
        int deleted = store.deleteSession(userId, sessionId);
        facts.invalidate(userId);
        if (deleted != 1) {
            throw new ServiceException(Failure.NOT_FOUND, "No such session.");
        }
    }

    public Progress progress(long userId, ZoneId zone) {
        return ProgressCalculator.progress(facts.get(userId, store::facts), zone, clock.instant());
    }

    public List<Achievement> achievements(long userId, ZoneId zone) {
        return ProgressCalculator.achievements(facts.get(userId, store::facts), zone, catalog.get().sequences().keySet());
    }

    /** The kinds of favorites, as they appear in URLs. */
    public enum Kind {
        POSES("pose"), SEQUENCES("sequence");

        final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    public void addFavorite(long userId, Kind kind, String slug) {
        Catalog c = catalog.get();
        boolean known = kind == Kind.POSES ? c.hasPose(slug) : c.hasSequence(slug);
        if (!known) {
            throw new ServiceException(Failure.NOT_FOUND, "No " + kind.column + " '" + slug + "' in the catalog.");
        }
        store.addFavorite(userId, kind.column, slug, clock.millis());
    }

    public void removeFavorite(long userId, Kind kind, String slug) {
        store.removeFavorite(userId, kind.column, slug);
    }

    public Favorites favorites(long userId) {
        List<String> poses = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        for (FavoriteRow f : store.favorites(userId)) {
            (f.kind().equals("pose") ? poses : sequences).add(f.slug());
        }
        return new Favorites(poses, sequences);
    }

    /** Counts over every user, computed at most once per five minutes. */
    public Popularity popular() {
        Popularity p = popular;
        Instant now = Instant.ofEpochMilli(clock.millis());
        if (p == null || p.generatedAt().plus(POPULAR_TTL).isBefore(now)) {
            synchronized (this) {
                p = popular;
                if (p == null || p.generatedAt().plus(POPULAR_TTL).isBefore(now)) {
                    p = new Popularity(
                            store.sessionsPerSequence().stream().map(s -> new Popularity.SequenceSessions(s.slug(), s.count())).toList(),
                            store.favoritesPer("pose").stream().map(s -> new Popularity.PoseFavorites(s.slug(), s.count())).toList(),
                            now);
                    popular = p;
                }
            }
        }
        return p;
    }
}
