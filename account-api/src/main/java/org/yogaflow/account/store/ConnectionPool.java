package org.yogaflow.account.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A fixed set of open SQLite connections handed out as a {@link DataSource}. Opening a SQLite
 * connection and setting its pragmas costs more than most of our queries, so connections are
 * kept; {@code close()} on a borrowed connection returns it (rolled back if a transaction was
 * left open). Connections are only ever used by one thread at a time.
 */
final class ConnectionPool implements DataSource, AutoCloseable {

    private final SQLiteDataSource source;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    ConnectionPool(String url, SQLiteConfig config, int size) throws SQLException {
        this.source = new SQLiteDataSource(config);
        source.setUrl(url);
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection c = source.getConnection();
            all.add(c);
            idle.add(c);
        }
    }

    /** A connection of its own, outside the pool, with the same settings. */
    Connection openDedicated() throws SQLException {
        return source.getConnection();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        Connection raw;
        try {
            raw = idle.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        if (raw == null) {
            throw new SQLException("no database connection free for 30 s");
        }
        return lease(raw);
    }

    private Connection lease(Connection raw) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(raw);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return returned[0] || raw.isClosed();
                        }
                        case "unwrap", "isWrapperFor" -> { }
                        default -> {
                            if (returned[0]) {
                                throw new SQLException("connection already returned to the pool");
                            }
                        }
                    }
                    try {
                        return method.invoke(raw, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection raw) throws SQLException {
        try {
            if (!raw.getAutoCommit()) {
                raw.rollback();
                raw.setAutoCommit(true);
            }
        } finally {
            idle.add(raw);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /** Runs one statement on a pooled connection (pragmas, checkpoints). */
    void execute(String sql) throws SQLException {
        try (Connection c = getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
