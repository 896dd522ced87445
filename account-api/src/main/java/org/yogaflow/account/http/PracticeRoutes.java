package org.yogaflow.account.http;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.yogaflow.account.service.Logged;
import org.yogaflow.account.service.PracticeService;
import org.yogaflow.account.service.SessionInput;
import spark.Request;

/**
 * Practice sessions, progress, achievements and favorites of the signed-in user.
 *
 * <pre>
 * curl -s -XPOST localhost:8081/api/v1/me/sessions -H "Authorization: Bearer $TOKEN" \
 *      -H 'Content-Type: application/json' -H 'Idempotency-Key: 7f9c…' \
 *      -d '{"sequence":"morning-energizer","duration_seconds":900,"completed":true}'
 * curl -s 'localhost:8081/api/v1/me/progress?tz=Europe/Berlin' -H "Authorization: Bearer $TOKEN"
 * </pre>
 */
final class PracticeRoutes {

    private final PracticeService practice;

    PracticeRoutes(PracticeService practice) {
        this.practice = practice;
    }

    void register(Routes routes) {
        routes.signedIn("POST", "/me/sessions", (principal, req, res) -> {
            String key = idempotencyKey(req);
            Body body = Body.of(req, false);
            String sequence = body.string("sequence", true);
            Integer duration = body.integer("duration_seconds", true);
            Boolean completed = body.bool("completed", true);
            var startedAt = body.instant("started_at", false);
            String notes = body.string("notes", false);
            body.done(Set.of("sequence", "duration_seconds", "completed", "started_at", "notes"));
            Logged logged = practice.log(principal.userId(), new SessionInput(sequence, duration, completed, startedAt, notes), key);
            res.status(logged.created() ? 201 : 200);
            res.header("Location", Routes.BASE + "/me/sessions/" + logged.session().id());
            return logged.session();
        });
        routes.signedIn("GET", "/me/sessions", (principal, req, res) ->
                practice.list(principal.userId(), limit(req), emptyToNull(Routes.query(req, "cursor"))));
        routes.signedIn("DELETE", "/me/sessions/:id", (principal, req, res) -> {
            long id;
            try {
                id = Long.parseLong(req.params(":id"));
            } catch (NumberFormatException e) {
                throw new ApiError(404, "not_found", "No such session.");
            }
            practice.delete(principal.userId(), id);
            return null;
        });
        routes.signedIn("GET", "/me/progress", (principal, req, res) -> practice.progress(principal.userId(), zone(req)));
        routes.signedIn("GET", "/me/achievements", (principal, req, res) ->
                Map.of("items", practice.achievements(principal.userId(), zone(req))));
        routes.signedIn("GET", "/me/favorites", (principal, req, res) -> practice.favorites(principal.userId()));
        routes.signedIn("PUT", "/me/favorites/:kind/:slug", (principal, req, res) -> {
            practice.addFavorite(principal.userId(), kind(req), req.params(":slug"));
            return null;
        });
        routes.signedIn("DELETE", "/me/favorites/:kind/:slug", (principal, req, res) -> {
            practice.removeFavorite(principal.userId(), kind(req), req.params(":slug"));
            return null;
        });
    }

    /** Optional; 1 to 255 printable ASCII characters (a UUID is a good choice). */
    private static String idempotencyKey(Request req) {
        String key = req.headers("Idempotency-Key");
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiError.invalid("Idempotency-Key", "Use 1 to 255 printable ASCII characters, e.g. a UUID.");
        }
        return key;
    }

    private static int limit(Request req) {
        String value = Routes.query(req, "limit");
        if (value == null || value.isEmpty()) {
            return 20;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("limit", "Must be a whole number from 1 to " + PracticeService.MAX_PAGE + ".");
        }
    }

    /** The user's time zone for days and weeks: an IANA name such as Europe/Berlin; UTC if absent. */
    private static ZoneId zone(Request req) {
        String tz = Routes.query(req, "tz");
        if (tz == null || tz.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw ApiError.invalid("tz", "Use a time zone name such as Europe/Berlin or America/New_York.");
        }
    }

    private static PracticeService.Kind kind(Request req) {
        return switch (req.params(":kind")) {
            case "poses" -> PracticeService.Kind.POSES;
            case "sequences" -> PracticeService.Kind.SEQUENCES;
            default -> throw new ApiError(404, "not_found", "Favorites are 'poses' or 'sequences'.");
        };
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
