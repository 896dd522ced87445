package org.yogaflow.account.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import spark.ExceptionMapper;
import spark.embeddedserver.EmbeddedServer;
import spark.embeddedserver.EmbeddedServerFactory;
import spark.embeddedserver.jetty.JettyHandler;
import spark.embeddedserver.jetty.websocket.WebSocketHandlerWrapper;
import spark.http.matching.MatcherFilter;
import spark.route.Routes;
import spark.ssl.SslStores;
import spark.staticfiles.StaticFilesConfiguration;

/**
 * Spark's routing on a Jetty we configure ourselves (Spark's own factory offers no hook for
 * this): strict HTTP parsing (RFC 7230, ambiguous URIs rejected), no Server or X-Powered-By
 * header, JSON error pages, our {@link Guard} outermost, and a graceful stop that lets
 * in-flight requests finish (StatisticsHandler) for up to the grace period.
 */
final class StrictJetty implements EmbeddedServerFactory {

    private final Function<Handler, HandlerWrapper> outer;
    private final Duration grace;

    StrictJetty(Function<Handler, HandlerWrapper> outer, Duration grace) {
        this.outer = outer;
        this.grace = grace;
    }

    @Override
    public EmbeddedServer create(Routes routes, StaticFilesConfiguration staticFiles, ExceptionMapper exceptionMapper,
                                 boolean hasMultipleHandler) {
        MatcherFilter filter = new MatcherFilter(routes, staticFiles, exceptionMapper, false, hasMultipleHandler);
        filter.init(null);
        HandlerWrapper guard = outer.apply(new JettyHandler(filter));
        return new Embedded(guard, grace);
    }

    private static final class Embedded implements EmbeddedServer {
        private final HandlerWrapper handler;
        private final Duration grace;
        private Server server;
        private QueuedThreadPool pool;

        Embedded(HandlerWrapper handler, Duration grace) {
            this.handler = handler;
            this.grace = grace;
        }

        @Override
        public int ignite(String host, int port, SslStores sslStores, int maxThreads, int minThreads, int idleMillis)
                throws Exception {
            pool = new QueuedThreadPool(maxThreads > 0 ? maxThreads : 200, minThreads > 0 ? minThreads : 8,
                    idleMillis > 0 ? idleMillis : 60_000);
            pool.setName("http");
            server = new Server(pool);
            HttpConfiguration config = new HttpConfiguration();
            config.setSendServerVersion(false);
            config.setSendXPoweredBy(false);
            config.setRequestHeaderSize(8 * 1024);
            ServerConnector connector = new ServerConnector(server,
                    new HttpConnectionFactory(config, HttpCompliance.RFC7230_NO_AMBIGUOUS_URIS));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(30_000);
            server.addConnector(connector);
            StatisticsHandler stats = new StatisticsHandler();
            stats.setHandler(handler);
            server.setHandler(stats);
            server.setErrorHandler(new JsonErrorHandler());
            server.setStopTimeout(grace.toMillis());
            server.setStopAtShutdown(false); // AccountApi's shutdown hook stops things in order
            server.start();
            return connector.getLocalPort();
        }

        @Override
        public void configureWebSockets(Map<String, WebSocketHandlerWrapper> handlers, Optional<Long> idleTimeout) {
            if (handlers != null && !handlers.isEmpty()) {
                throw new UnsupportedOperationException("no WebSockets in this API");
            }
        }

        @Override
        public void join() throws InterruptedException {
            server.join();
        }

        @Override
        public void extinguish() {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("stopping Jetty failed", e);
            }
        }

        @Override
        public int activeThreadCount() {
            return pool == null ? 0 : pool.getBusyThreads();
        }
    }
}
