package org.yogaflow.account.http;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.yogaflow.account.service.AccountService;
import org.yogaflow.account.service.PracticeService;
import org.yogaflow.account.service.TokenService;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;

/**
 * The web layer: a Spark service on our strict Jetty, with every route of {@link Routes}. The
 * only public door into the {@code http} package, so no other package sees a Spark type.
 */
public final class HttpApi implements AutoCloseable {

    /** What the web layer needs to know of the settings. */
    public record Options(String host, int port, int threads, List<String> allowedOrigins, Set<String> trustedProxies,
                          RateLimit register, RateLimit login, RateLimit forgot, RateLimit reset,
                          Duration grace, boolean logRequests) {}

    private final Service spark;
    private final List<RouteSpec> routes;
    private final AuthRoutes auth;
    private final RequestLog log;

    private HttpApi(Service spark, List<RouteSpec> routes, AuthRoutes auth, RequestLog log) {
        this.spark = spark;
        this.routes = routes;
        this.auth = auth;
        this.log = log;
    }

    /** Starts listening; returns once the port is bound, or throws if it cannot be. */
    public static HttpApi start(Options options, AccountService accounts, TokenService tokens, PracticeService practice) {
        Cors cors = new Cors(new LinkedHashSet<>(options.allowedOrigins()));
        ClientIp clientIp = new ClientIp(options.trustedProxies());
        // Each server gets its own factory id: tests run several servers in one JVM.
        String id = "yogaflow-" + UUID.randomUUID();
        RequestLog log = options.logRequests() ? new RequestLog() : null;
        EmbeddedServers.add(id, new StrictJetty(inner -> {
            Guard guard = new Guard(cors, clientIp, log);
            guard.setHandler(inner);
            return guard;
        }, options.grace()));
        Service spark = Service.ignite();
        spark.embeddedServerIdentifier(id);
        spark.ipAddress(options.host());
        spark.port(options.port());
        spark.threadPool(options.threads(), Math.min(8, options.threads()), 60_000);
        AtomicReference<Exception> failure = new AtomicReference<>();
        spark.initExceptionHandler(failure::set);
        AuthRoutes auth = new AuthRoutes(accounts, options.register(), options.login(), options.forgot(), options.reset());
        List<RouteSpec> routes = Routes.register(spark, tokens, auth, new AccountRoutes(accounts),
                new PracticeRoutes(practice), new PublicRoutes(practice));
        spark.awaitInitialization();
        if (failure.get() != null) {
            spark.stop();
            if (log != null) {
                log.close();
            }
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + failure.get().getMessage(), failure.get());
        }
        return new HttpApi(spark, routes, auth, log);
    }

    public int port() {
        return spark.port();
    }

    /** Every registered route, for the OpenAPI check. */
    public List<RouteSpec> routes() {
        return routes;
    }

    /** Forgets idle rate-limit buckets. */
    public void purge() {
        auth.purge();
    }

    /** Stops accepting connections and waits for in-flight requests (up to the grace period). */
    @Override
    public void close() {
        spark.stop();
        spark.awaitStop();
        if (log != null) {
            log.close();
        }
    }
}
