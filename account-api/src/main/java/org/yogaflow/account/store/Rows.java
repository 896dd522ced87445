package org.yogaflow.account.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Hand-written row mappers for the hot read paths (progress, session lists): Jdbi's
 * reflective constructor mapper costs more per query than the query itself here.
 */
public final class Rows {

    private Rows() {}

    static SessionRow session(ResultSet rs) throws SQLException {
        return new SessionRow(rs.getLong("id"), rs.getLong("user_id"), rs.getString("sequence"),
                rs.getInt("duration_seconds"), rs.getInt("completed") != 0, rs.getLong("started_at"),
                rs.getString("notes"), rs.getLong("created_at"), rs.getString("idempotency_key"), rs.getString("request_hash"));
    }

    /** Maps {@code SELECT * FROM practice_sessions}. */
    public static final class SessionMapper implements RowMapper<SessionRow> {
        @Override
        public SessionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return session(rs);
        }
    }

    /** Maps {@code SELECT started_at, duration_seconds, completed, sequence}, by position. */
    public static final class FactMapper implements RowMapper<PracticeFact> {
        @Override
        public PracticeFact map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PracticeFact(rs.getLong(1), rs.getInt(2), rs.getInt(3) != 0, rs.getString(4));
        }
    }
}
