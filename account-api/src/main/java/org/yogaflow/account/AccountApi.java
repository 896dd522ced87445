package org.yogaflow.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yogaflow.account.catalog.CatalogSource;
import org.yogaflow.account.http.HttpApi;
import org.yogaflow.account.http.RouteSpec;
import org.yogaflow.account.mail.BackgroundMailer;
import org.yogaflow.account.mail.Mailer;
import org.yogaflow.account.mail.OutboxMailer;
import org.yogaflow.account.mail.SmtpMailer;
import org.yogaflow.account.service.AccountService;
import org.yogaflow.account.service.PasswordHasher;
import org.yogaflow.account.service.PasswordPolicy;
import org.yogaflow.account.service.PracticeService;
import org.yogaflow.account.service.TokenService;
import org.yogaflow.account.store.Database;
import org.yogaflow.account.store.LoginFailureStore;
import org.yogaflow.account.store.PracticeStore;
import org.yogaflow.account.store.SessionWriter;
import org.yogaflow.account.store.TokenStore;
import org.yogaflow.account.store.UserStore;

/**
 * The account API, wired: settings → database → mail → services → HTTP. {@link #start} is what
 * {@code main} and the tests both call; {@link #close} shuts down in the reverse order, so
 * in-flight requests finish, queued session writes commit and the database closes cleanly.
 *
 * <pre>java -jar account-api/target/account-api.jar      # then: curl localhost:8081/api/v1/health</pre>
 */
public final class AccountApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountApi.class);
    /** Session inserts committed per transaction at most. */
    private static final int MAX_WRITE_BATCH = 512;

    private final Database database;
    private final CatalogSource catalog;
    private final BackgroundMailer mailer;
    private final PasswordHasher hasher;
    private final SessionWriter writer;
    private final HttpApi http;
    private final ScheduledExecutorService maintenance;
    private boolean closed;

    private AccountApi(Database database, CatalogSource catalog, BackgroundMailer mailer, PasswordHasher hasher,
                       SessionWriter writer, HttpApi http, ScheduledExecutorService maintenance) {
        this.database = database;
        this.catalog = catalog;
        this.mailer = mailer;
        this.hasher = hasher;
        this.writer = writer;
        this.http = http;
        this.maintenance = maintenance;
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv());
        } catch (Settings.InvalidSettings e) {
            System.err.println("account-api: cannot start:\n  " + e.getMessage().replace("\n", "\n  "));
            System.exit(1);
            return;
        }
        AccountApi api;
        try {
            api = start(settings, Clock.systemUTC());
        } catch (RuntimeException e) {
            System.err.println("account-api: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "shutdown"));
        LOG.info("account API listening on http://{}:{}/api/v1 ({})", settings.host(), api.port(),
                settings.production() ? "production" : "development");
    }

    /** Opens everything and starts listening. */
    public static AccountApi start(Settings settings, Clock clock) {
        if (settings.jwtSecret() == null) {
            settings = settings.withJwtSecret(developmentSecret(settings.dataDir()));
        }
        Database database = Database.open(settings.databaseUrl(), settings.synchronous(), 8);
        CatalogSource catalog = CatalogSource.start(settings.catalog(), settings.catalogRefresh());
        BackgroundMailer mailer = new BackgroundMailer(mailer(settings));
        PasswordHasher hasher = new PasswordHasher(settings.bcryptCost(), settings.hashThreads(), settings.hashQueue());
        SessionWriter writer = database.sessionWriter(MAX_WRITE_BATCH);
        UserStore users = database.store(UserStore.class);
        TokenStore tokenStore = database.store(TokenStore.class);
        TokenService tokens = new TokenService(settings.jwtSecret(), settings.jwtIssuer(), settings.jwtAudience(),
                settings.accessTokenTtl(), settings.refreshTokenTtl(), settings.refreshReuseGrace(), clock, tokenStore, users);
        AccountService accounts = new AccountService(users, tokenStore, database.store(LoginFailureStore.class), tokens,
                hasher, PasswordPolicy.shipped(), mailer, settings.siteUrl(), clock, settings.lockoutFailures(),
                settings.lockoutDuration());
        PracticeService practice = new PracticeService(database.store(PracticeStore.class), writer, catalog, clock);
        HttpApi http;
        try {
            http = HttpApi.start(new HttpApi.Options(settings.host(), settings.port(), settings.httpThreads(),
                    settings.allowedOrigins(), settings.trustedProxies(), settings.registerLimit(),
                    settings.loginLimit(), settings.forgotLimit(), settings.resetLimit(), settings.shutdownGrace(),
                    settings.logRequests()), accounts, tokens, practice);
        } catch (RuntimeException e) {
            writer.close();
            hasher.close();
            mailer.close();
            catalog.close();
            database.close();
            throw e;
        }
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                accounts.purge();
                http.purge();
            } catch (RuntimeException e) {
                LOG.warn("maintenance failed: {}", e.getMessage());
            }
        }, 1, 10, TimeUnit.MINUTES);
        return new AccountApi(database, catalog, mailer, hasher, writer, http, maintenance);
    }

    private static Mailer mailer(Settings settings) {
        if (settings.smtp().isPresent()) {
            Settings.Smtp s = settings.smtp().get();
            return new SmtpMailer(s.host(), s.port(), s.user(), s.password(), s.tls(), settings.mailFrom());
        }
        if (settings.production()) {
            LOG.warn("YOGAFLOW_SMTP_HOST is not set: emails are only written to {}", settings.outboxDir().toAbsolutePath());
        }
        return new OutboxMailer(settings.outboxDir(), settings.mailFrom());
    }

    /**
     * Development only: a random secret kept in {@code jwt-secret.dev} in the data folder, made
     * on first start, so tokens survive restarts without any setup.
     */
    static byte[] developmentSecret(Path dataDir) {
        Path file = dataDir.resolve("jwt-secret.dev");
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(dataDir, ".jwt-secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(random));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.deleteIfExists(tmp); // another process won the race; use its secret
                }
            }
            LOG.warn("""

                    ************************************************************************
                    *  DEVELOPMENT MODE: signing tokens with the generated secret in       *
                    *  {}
                    *  Never use it in production: set YOGAFLOW_MODE=production and        *
                    *  YOGAFLOW_JWT_SECRET (at least 256 bits, e.g. openssl rand -base64 48).*
                    ************************************************************************""",
                    file.toAbsolutePath());
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development JWT secret " + file, e);
        }
    }

    public int port() {
        return http.port();
    }

    /** Every HTTP route, for the OpenAPI check. */
    public List<RouteSpec> routes() {
        return http.routes();
    }

    /** Stops in order: HTTP (in-flight requests finish), session writer (queue commits), the rest. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        maintenance.shutdownNow();
        http.close();
        writer.close();
        hasher.close();
        mailer.close();
        catalog.close();
        database.close();
        LOG.info("account API stopped");
    }
}
