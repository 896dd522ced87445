package org.yogaflow.account.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database: applies the Flyway migrations in {@code db/migration}, then serves a
 * small connection pool to Jdbi. Every connection runs in WAL mode with foreign keys on, a busy
 * timeout, and the configured {@code synchronous} level (FULL by default: a commit is on disk,
 * write-ahead log included, before it returns). Write transactions begin IMMEDIATE so two
 * writers queue on the busy timeout instead of failing on a stale snapshot.
 */
public final class Database implements AutoCloseable {

    private final ConnectionPool pool;
    private final Jdbi jdbi;
    private final String url;

    private Database(String url, ConnectionPool pool) {
        this.url = url;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    }

    /** Opens (creating the file and its folder if needed) and migrates the database at {@code url}. */
    public static Database open(String url, String synchronous, int poolSize) {
        try {
            String file = url.substring("jdbc:sqlite:".length());
            if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:")) {
                Path parent = Path.of(file).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            SQLiteConfig config = config(synchronous);
            SQLiteDataSource migrations = new SQLiteDataSource(config);
            migrations.setUrl(url);
            Flyway.configure()
                    .dataSource(migrations)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return new Database(url, new ConnectionPool(url, config, poolSize));
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("cannot open the database " + url + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteConfig config(String synchronous) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous));
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-32_000); // KiB per connection
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(256L << 20));
        return config;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public String url() {
        return url;
    }

    /** A store whose methods each borrow a connection for their own statement or transaction. */
    public <T> T store(Class<T> type) {
        return jdbi.onDemand(type);
    }

    /** A group-commit writer for practice sessions on a connection of its own. */
    public SessionWriter sessionWriter(int maxBatch) {
        try {
            return new SessionWriter(pool.openDedicated(), maxBatch);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a writer connection: " + e.getMessage(), e);
        }
    }

    /** Checkpoints the write-ahead log into the main file and closes every connection. */
    @Override
    public void close() {
        try {
            pool.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException ignored) {
            // another process may hold the database; the WAL is replayed on next open
        }
        pool.close();
    }
}
