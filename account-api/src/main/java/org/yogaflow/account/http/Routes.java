package org.yogaflow.account.http;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.yogaflow.account.service.Principal;
import org.yogaflow.account.service.TokenService;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Every route of the API, registered on one Spark service by {@link #register}, which the
 * server and the tests both use. Handlers return the object to send as JSON (null for 204);
 * every failure is an exception that {@link ErrorMapper} turns into the error shape.
 *
 * <pre>curl -s localhost:8081/api/v1/health</pre>
 */
final class Routes {

    static final String BASE = "/api/v1";

    /** A handler: reads the request, calls a service, returns the answer's body. */
    @FunctionalInterface
    interface Handler {
        Object handle(Request request, Response response) throws Exception;
    }

    /** A handler for signed-in users, given the verified principal. */
    @FunctionalInterface
    interface SignedIn {
        Object handle(Principal principal, Request request, Response response) throws Exception;
    }

    private final Service http;
    private final TokenService tokens;
    private final List<RouteSpec> specs = new ArrayList<>();

    private Routes(Service http, TokenService tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** Registers every route, the 404/405 answers and the exception mapping; returns the routes. */
    static List<RouteSpec> register(Service http, TokenService tokens, AuthRoutes auth, AccountRoutes account,
                                    PracticeRoutes practice, PublicRoutes open) {
        Routes routes = new Routes(http, tokens);
        open.register(routes);
        auth.register(routes);
        account.register(routes);
        practice.register(routes);
        http.exception(Exception.class, (e, req, res) ->
                ErrorMapper.apply(res, ErrorMapper.map(e, req.attribute(Guard.REQUEST_ID))));
        http.notFound((req, res) -> {
            ErrorMapper.apply(res, routes.unmatched(req.raw().getRequestURI(), req.requestMethod()));
            return res.body();
        });
        return List.copyOf(routes.specs);
    }

    /** 405 with Allow if another method has this path, else 404. */
    private ApiError unmatched(String path, String method) {
        TreeSet<String> allowed = new TreeSet<>();
        for (RouteSpec s : specs) {
            if (s.matches(path) && !s.method().equals(method)) {
                allowed.add(s.method());
            }
        }
        if (allowed.isEmpty()) {
            return new ApiError(404, "not_found", "There is no such route; see " + BASE + "/openapi.json.");
        }
        return new ApiError(405, "method_not_allowed", "Use " + String.join(" or ", allowed) + " for this route.")
                .header("Allow", String.join(", ", allowed));
    }

    void add(String method, String path, Handler handler) {
        String full = BASE + path;
        specs.add(new RouteSpec(method, full));
        spark.Route route = (req, res) -> {
            req.raw().setAttribute(Guard.ROUTE, full);
            res.type(Json.TYPE);
            Object body = handler.handle(req, res);
            if (body == null) {
                res.status(204);
                return "";
            }
            return body instanceof String s ? s : Json.write(body);
        };
        switch (method) {
            case "GET" -> http.get(full, route);
            case "POST" -> http.post(full, route);
            case "PUT" -> http.put(full, route);
            case "PATCH" -> http.patch(full, route);
            case "DELETE" -> http.delete(full, route);
            default -> throw new IllegalArgumentException(method);
        }
    }

    void signedIn(String method, String path, SignedIn handler) {
        add(method, path, (req, res) -> handler.handle(principal(req), req, res));
    }

    private Principal principal(Request request) {
        String header = request.headers("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "unauthorized", "Send an access token: Authorization: Bearer <token>.")
                    .header("WWW-Authenticate", "Bearer");
        }
        return tokens.authenticate(header.substring(7).strip());
    }

    /** A query parameter; a malformed query string is the client's error, not ours. */
    static String query(Request request, String name) {
        try {
            return request.queryParams(name);
        } catch (RuntimeException e) {
            throw new ApiError(400, "malformed_query", "The query string is not valid.");
        }
    }

    static String clientOf(Request request) {
        return (String) request.raw().getAttribute(Guard.CLIENT);
    }
}
