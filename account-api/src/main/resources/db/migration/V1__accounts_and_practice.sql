-- Times are epoch milliseconds (UTC). Emails are stored trimmed and lower-cased.

CREATE TABLE users (
    -- AUTOINCREMENT: an id is never reused, so a deleted user's tokens never match a new user.
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    email              TEXT    NOT NULL,
    display_name       TEXT,
    password_hash      TEXT    NOT NULL,
    email_verified_at  INTEGER,
    -- Access tokens issued before this instant are rejected (password reset revokes them all).
    tokens_valid_after INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);

-- Single-use tokens sent by email (verification 24 h, password reset 1 h); only hashes are kept.
CREATE TABLE email_tokens (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('verify', 'reset')),
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX email_tokens_user ON email_tokens (user_id);
CREATE INDEX email_tokens_expires ON email_tokens (expires_at);

-- Opaque refresh tokens, hashed; a family is one login's chain of rotations.
CREATE TABLE refresh_tokens (
    token_hash TEXT    PRIMARY KEY,
    family_id  TEXT    NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    revoked_at INTEGER,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);

-- Access tokens revoked by logout before they expire; rows go once the token has expired.
CREATE TABLE revoked_access_tokens (
    jti        TEXT    PRIMARY KEY,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX revoked_access_tokens_expires ON revoked_access_tokens (expires_at);

-- Consecutive failed logins per email address, whether or not it has an account.
CREATE TABLE login_failures (
    email        TEXT    PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until INTEGER,
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX login_failures_updated ON login_failures (updated_at);

CREATE TABLE practice_sessions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sequence         TEXT    NOT NULL,
    duration_seconds INTEGER NOT NULL,
    completed        INTEGER NOT NULL,
    started_at       INTEGER NOT NULL,
    notes            TEXT,
    created_at       INTEGER NOT NULL,
    idempotency_key  TEXT,
    -- Hash of the request fields, to refuse a reused key with a different request.
    request_hash     TEXT
);
-- The one index of the write path (every insert pays for each index, in CPU and in pages
-- written to the WAL before the commit's fsync), covering every read:
--  * progress and achievements read only these columns: answered from the index alone;
--  * newest-first keyset pagination walks it by (user_id, started_at), sorting only ties;
--  * popularity counts per sequence scan it (cached for 5 minutes), smaller than the table.
CREATE INDEX practice_sessions_user_progress ON practice_sessions (user_id, started_at, duration_seconds, completed, sequence);
CREATE UNIQUE INDEX practice_sessions_idempotency ON practice_sessions (user_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE TABLE favorites (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('pose', 'sequence')),
    slug       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind, slug)
) WITHOUT ROWID;
CREATE INDEX favorites_kind_slug ON favorites (kind, slug);
