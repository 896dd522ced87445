package org.yogaflow.account.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Practice sessions and favorites. New sessions are written through {@link SessionWriter}. */
@RegisterRowMapper(Rows.SessionMapper.class)
@RegisterRowMapper(Rows.FactMapper.class)
@RegisterConstructorMapper(SlugCount.class)
@RegisterConstructorMapper(FavoriteRow.class)
public interface PracticeStore {

    @SqlQuery("SELECT * FROM practice_sessions WHERE user_id = :userId AND idempotency_key = :key")
    Optional<SessionRow> findByIdempotencyKey(long userId, String key);

    @SqlQuery("SELECT * FROM practice_sessions WHERE id = :id")
    Optional<SessionRow> findSession(long id);

    /** The newest sessions first, for the first page. */
    @SqlQuery("SELECT * FROM practice_sessions WHERE user_id = :userId ORDER BY started_at DESC, id DESC LIMIT :limit")
    List<SessionRow> newestSessions(long userId, int limit);

    /** The sessions after the cursor (started_at, id), newest first. */
    @SqlQuery("SELECT * FROM practice_sessions WHERE user_id = :userId AND (started_at < :startedAt OR (started_at = :startedAt AND id < :id))"
            + " ORDER BY started_at DESC, id DESC LIMIT :limit")
    List<SessionRow> sessionsAfter(long userId, long startedAt, long id, int limit);

    @SqlUpdate("DELETE FROM practice_sessions WHERE id = :id AND user_id = :userId")
    int deleteSession(long userId, long id);

    /** Every session of a user in start order, from the covering progress index. */
    @SqlQuery("SELECT started_at, duration_seconds, completed, sequence FROM practice_sessions INDEXED BY practice_sessions_user_progress"
            + " WHERE user_id = :userId ORDER BY started_at")
    List<PracticeFact> facts(long userId);

    @SqlQuery("SELECT sequence AS slug, count(*) AS count FROM practice_sessions GROUP BY sequence ORDER BY count DESC, slug")
    List<SlugCount> sessionsPerSequence();

    @SqlUpdate("INSERT INTO favorites (user_id, kind, slug, created_at) VALUES (:userId, :kind, :slug, :now) ON CONFLICT DO NOTHING")
    int addFavorite(long userId, String kind, String slug, long now);

    @SqlUpdate("DELETE FROM favorites WHERE user_id = :userId AND kind = :kind AND slug = :slug")
    int removeFavorite(long userId, String kind, String slug);

    @SqlQuery("SELECT kind, slug FROM favorites WHERE user_id = :userId ORDER BY kind, slug")
    List<FavoriteRow> favorites(long userId);

    @SqlQuery("SELECT slug, count(*) AS count FROM favorites WHERE kind = :kind GROUP BY slug ORDER BY count DESC, slug")
    List<SlugCount> favoritesPer(String kind);
}
