package org.yogaflow.account;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yogaflow.account.http.RateLimit;

/**
 * Every setting of the account API, read from {@code YOGAFLOW_*} environment variables with
 * embedded defaults for development. Each variable is documented in {@code account-api/README.md};
 * {@link #fromEnvironment} reports every bad value at once.
 */
public record Settings(
        boolean production,
        String host,
        int port,
        Path dataDir,
        String databaseUrl,
        // null in development until the data folder's generated secret is read
        byte[] jwtSecret,
        String jwtIssuer,
        String jwtAudience,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        // a rotated refresh token presented again within this long gets its successor back; 0 = never
        Duration refreshReuseGrace,
        List<String> allowedOrigins,
        Set<String> trustedProxies,
        Optional<Smtp> smtp,
        String mailFrom,
        Path outboxDir,
        URI siteUrl,
        String catalog,
        Duration catalogRefresh,
        RateLimit registerLimit,
        RateLimit loginLimit,
        RateLimit forgotLimit,
        RateLimit resetLimit,
        int bcryptCost,
        int hashThreads,
        int hashQueue,
        int httpThreads,
        String synchronous,
        int lockoutFailures,
        Duration lockoutDuration,
        Duration shutdownGrace,
        boolean logRequests) {

    /** Where mail goes in production: an SMTP relay. {@code tls} is starttls, ssl or none. */
    public record Smtp(String host, int port, String user, String password, String tls) {
        @Override
        public String toString() { // never print the password
            return "Smtp[" + host + ":" + port + ", user=" + user + ", tls=" + tls + "]";
        }
    }

    public static final int MIN_SECRET_BYTES = 32;
    /** A longer reuse grace would let a stolen, already rotated refresh token work for too long. */
    static final int MAX_REUSE_SECONDS = 300;

    /** Thrown with every problem found in the environment, one per line. */
    public static final class InvalidSettings extends RuntimeException {
        public InvalidSettings(List<String> problems) {
            super(String.join("\n", problems));
        }
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        Reader r = new Reader(env);
        String mode = r.string("YOGAFLOW_MODE", "development").toLowerCase(Locale.ROOT);
        if (!mode.equals("development") && !mode.equals("production")) {
            r.problems.add("YOGAFLOW_MODE must be 'development' or 'production', not '" + mode + "'");
        }
        boolean production = mode.equals("production");
        Path dataDir = Path.of(r.string("YOGAFLOW_DATA_DIR", "data"));
        String dbUrl = r.optional("YOGAFLOW_DATABASE_URL")
                .orElseGet(() -> "jdbc:sqlite:" + r.optional("YOGAFLOW_DATABASE_PATH")
                        .map(Path::of).orElse(dataDir.resolve("account.db")));
        if (!dbUrl.startsWith("jdbc:sqlite:")) {
            r.problems.add("YOGAFLOW_DATABASE_URL must be a jdbc:sqlite: URL, not '" + dbUrl + "'");
        }
        byte[] secret = r.optional("YOGAFLOW_JWT_SECRET").map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (secret != null && secret.length < MIN_SECRET_BYTES) {
            r.problems.add("YOGAFLOW_JWT_SECRET is " + secret.length * 8 + " bits; it needs at least 256 "
                    + "(e.g. the output of 'openssl rand -base64 48')");
        }
        if (production && secret == null) {
            r.problems.add("YOGAFLOW_JWT_SECRET is required in production mode (at least 256 bits, "
                    + "e.g. the output of 'openssl rand -base64 48')");
        }
        Optional<Smtp> smtp = r.optional("YOGAFLOW_SMTP_HOST").map(h -> new Smtp(h,
                r.integer("YOGAFLOW_SMTP_PORT", 587, 1, 65535),
                r.optional("YOGAFLOW_SMTP_USER").orElse(null),
                r.optional("YOGAFLOW_SMTP_PASSWORD").orElse(null),
                r.choice("YOGAFLOW_SMTP_TLS", "starttls", "starttls", "ssl", "none")));
        List<String> origins = r.list("YOGAFLOW_ALLOWED_ORIGINS", production ? "" : "http://localhost:8080");
        for (String o : origins) {
            if (!o.matches("https?://[^/\\s]+")) {
                r.problems.add("YOGAFLOW_ALLOWED_ORIGINS: '" + o + "' is not an origin like https://example.org");
            }
        }
        URI siteUrl = r.uri("YOGAFLOW_SITE_URL", "http://localhost:8080/");
        Settings settings = new Settings(
                production,
                r.string("YOGAFLOW_HOST", "127.0.0.1"),
                r.integer("YOGAFLOW_PORT", 8081, 0, 65535),
                dataDir,
                dbUrl,
                secret,
                r.string("YOGAFLOW_JWT_ISSUER", "yogaflow-account-api"),
                r.string("YOGAFLOW_JWT_AUDIENCE", "yogaflow"),
                Duration.ofMinutes(r.integer("YOGAFLOW_ACCESS_TOKEN_MINUTES", 15, 1, 24 * 60)),
                Duration.ofDays(r.integer("YOGAFLOW_REFRESH_TOKEN_DAYS", 30, 1, 365)),
                Duration.ofSeconds(r.integer("YOGAFLOW_REFRESH_REUSE_SECONDS", 30, 0, MAX_REUSE_SECONDS)),
                origins,
                new TreeSet<>(r.list("YOGAFLOW_TRUSTED_PROXIES", "")),
                smtp,
                r.string("YOGAFLOW_MAIL_FROM", "YogaFlow <no-reply@localhost>"),
                r.optional("YOGAFLOW_OUTBOX_DIR").map(Path::of).orElse(dataDir.resolve("outbox")),
                siteUrl,
                r.string("YOGAFLOW_CATALOG", "public/api/catalog.json"),
                Duration.ofSeconds(r.integer("YOGAFLOW_CATALOG_REFRESH_SECONDS", 60, 1, 86400)),
                r.rate("YOGAFLOW_RATE_REGISTER", "3/1m"),
                r.rate("YOGAFLOW_RATE_LOGIN", "5/1m"),
                r.rate("YOGAFLOW_RATE_FORGOT_PASSWORD", "3/1h"),
                r.rate("YOGAFLOW_RATE_RESET_PASSWORD", "5/1h"),
                r.integer("YOGAFLOW_BCRYPT_COST", 12, 4, 31),
                r.integer("YOGAFLOW_HASH_THREADS", Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 256),
                r.integer("YOGAFLOW_HASH_QUEUE", 64, 1, 100_000),
                r.integer("YOGAFLOW_HTTP_THREADS", 200, 8, 10_000),
                r.choice("YOGAFLOW_DB_SYNCHRONOUS", "FULL", "FULL", "NORMAL", "EXTRA"),
                r.integer("YOGAFLOW_LOCKOUT_FAILURES", 5, 1, 1000),
                Duration.ofMinutes(r.integer("YOGAFLOW_LOCKOUT_MINUTES", 15, 1, 24 * 60)),
                Duration.ofSeconds(r.integer("YOGAFLOW_SHUTDOWN_GRACE_SECONDS", 10, 0, 600)),
                r.bool("YOGAFLOW_LOG_REQUESTS", true));
        if (production && settings.bcryptCost < 10) {
            r.problems.add("YOGAFLOW_BCRYPT_COST below 10 is for tests only, not production");
        }
        if (!r.problems.isEmpty()) {
            throw new InvalidSettings(r.problems);
        }
        return settings;
    }

    /** The same settings with the JWT secret filled in (development: the generated one). */
    public Settings withJwtSecret(byte[] secret) {
        return new Settings(production, host, port, dataDir, databaseUrl, secret, jwtIssuer, jwtAudience,
                accessTokenTtl, refreshTokenTtl, refreshReuseGrace, allowedOrigins, trustedProxies, smtp, mailFrom, outboxDir,
                siteUrl, catalog, catalogRefresh, registerLimit, loginLimit, forgotLimit, resetLimit,
                bcryptCost, hashThreads, hashQueue, httpThreads, synchronous, lockoutFailures,
                lockoutDuration, shutdownGrace, logRequests);
    }

    @Override
    public String toString() { // never print the secret
        return "Settings[mode=" + (production ? "production" : "development") + ", " + host + ":" + port
                + ", db=" + databaseUrl + ", origins=" + allowedOrigins + ", smtp=" + smtp.map(Smtp::toString).orElse("outbox " + outboxDir)
                + ", catalog=" + catalog + ", bcryptCost=" + bcryptCost + "]";
    }

    /** Reads variables and collects problems instead of failing on the first. */
    private static final class Reader {
        private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(\\d*)\\s*([smhd])");
        final Map<String, String> env;
        final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        Optional<String> optional(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
        }

        String string(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> v = optional(name);
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v.get());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(name + " must be a whole number from " + min + " to " + max + ", not '" + v.get() + "'");
            return fallback;
        }

        boolean bool(String name, boolean fallback) {
            String v = string(name, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
            return switch (v) {
                case "true", "yes", "1", "on" -> true;
                case "false", "no", "0", "off" -> false;
                default -> {
                    problems.add(name + " must be true or false, not '" + v + "'");
                    yield fallback;
                }
            };
        }

        String choice(String name, String fallback, String... allowed) {
            String v = string(name, fallback);
            for (String a : allowed) {
                if (a.equalsIgnoreCase(v)) {
                    return a;
                }
            }
            problems.add(name + " must be one of " + Arrays.toString(allowed) + ", not '" + v + "'");
            return fallback;
        }

        List<String> list(String name, String fallback) {
            return Arrays.stream(string(name, fallback).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        URI uri(String name, String fallback) {
            String v = string(name, fallback);
            try {
                URI u = URI.create(v.endsWith("/") ? v : v + "/");
                if (u.getScheme() != null && u.getScheme().startsWith("http") && u.getHost() != null) {
                    return u;
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            problems.add(name + " must be an absolute http(s) URL, not '" + v + "'");
            return URI.create(fallback);
        }

        /** "5/1m", "3/h", "100/30s"; "off" disables the limit. */
        RateLimit rate(String name, String fallback) {
            String v = string(name, fallback).toLowerCase(Locale.ROOT);
            if (v.equals("off")) {
                return RateLimit.UNLIMITED;
            }
            Matcher m = RATE.matcher(v);
            if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
                long n = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
                Duration unit = switch (m.group(3)) {
                    case "s" -> Duration.ofSeconds(1);
                    case "m" -> Duration.ofMinutes(1);
                    case "h" -> Duration.ofHours(1);
                    default -> Duration.ofDays(1);
                };
                if (n > 0) {
                    return new RateLimit(Integer.parseInt(m.group(1)), unit.multipliedBy(n));
                }
            }
            problems.add(name + " must look like '5/1m' (requests per period: s, m, h or d) or 'off', not '" + v + "'");
            return RateLimit.UNLIMITED;
        }
    }
}
