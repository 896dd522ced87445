package org.yogaflow.account.service;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.yogaflow.account.store.RefreshTokenRow;
import org.yogaflow.account.store.RevokedToken;
import org.yogaflow.account.store.TokenStore;
import org.yogaflow.account.store.UserStore;

/**
 * Access and refresh tokens. Access tokens are HS256 JWTs with iss, aud, sub, jti, iat and exp,
 * all verified; any other algorithm ({@code none} included) is rejected because the verifier
 * is bound to HS256. Refresh tokens are opaque strings, stored hashed, rotated on every use;
 * presenting a used one revokes its whole family, unless it was rotated less than the reuse grace
 * ago: then the answer carries its successor again (a page left mid-refresh never stored it).
 *
 * <p>A login's token is random; each successor is {@code HMAC(key, predecessor)}, with a key
 * derived from the JWT secret. Only hashes are stored, so re-issuing a successor needs the
 * predecessor's text, which the client presents: the server recomputes the successor instead of
 * minting another one. That keeps one live token per family (no sibling chains for reuse
 * detection to confuse) and gives two tabs that raced with the same token the same successor.
 * Knowing a token without the key reveals nothing about its successors.
 *
 * <p>Revocation is checked on every request without a query: the ids of access tokens revoked
 * by logout are kept in memory (and in the database, to survive restarts) until they expire,
 * and each user's "tokens valid after" instant (moved by a password reset, set to forever by
 * deleting the account) is cached.
 */
public final class TokenService {

    /** Issue time in milliseconds: {@code iat} has whole seconds, too coarse to compare with a reset. */
    private static final String ISSUED_MS = "iat_ms";
    private static final String HMAC = "HmacSHA256";
    private static final long DELETED = Long.MAX_VALUE;
    /** How far along a family's chain a reuse within the grace may look for the live token. */
    private static final int REUSE_CHAIN = 8;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final String issuer;
    private final String audience;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Duration reuseGrace;
    private final SecretKeySpec successorKey;
    private final Clock clock;
    private final TokenStore tokens;
    private final UserStore users;
    private final Map<String, Long> revoked = new ConcurrentHashMap<>();
    private final Map<Long, Long> validAfter = new ConcurrentHashMap<>();
    /**
     * Tokens whose signature and claims were already verified, by their exact text, so a
     * client's repeated requests skip the JSON parsing and HMAC. Expiry, revocation and the
     * user's "valid after" are still checked on every request.
     */
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();
    private static final int MAX_VERIFIED = 50_000;

    public TokenService(byte[] secret, String issuer, String audience, Duration accessTtl, Duration refreshTtl,
                        Duration reuseGrace, Clock clock, TokenStore tokens, UserStore users) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.issuer = issuer;
        this.audience = audience;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
        this.reuseGrace = reuseGrace;
        // A key of its own (not the JWT key itself), so a successor never doubles as a signature.
        this.successorKey = new SecretKeySpec(hmac(new SecretKeySpec(secret, HMAC), "yogaflow refresh successor v1"), HMAC);
        this.clock = clock;
        this.tokens = tokens;
        this.users = users;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaimPresence("sub")
                .withClaimPresence("jti")
                .withClaimPresence("exp")
                .withClaimPresence(ISSUED_MS)
                .acceptLeeway(0))
                .build(clock);
        for (RevokedToken r : tokens.revokedAccessTokens(clock.millis())) {
            revoked.put(r.jti(), r.expiresAt());
        }
    }

    /** A new login: a fresh refresh-token family. */
    public TokenPair issue(long userId) {
        String refresh = Secrets.newToken();
        long now = clock.millis();
        tokens.insertRefreshToken(Secrets.sha256(refresh), UUID.randomUUID().toString(), userId,
                now + refreshTtl.toMillis(), now);
        return new TokenPair(accessToken(userId, now), refresh, "Bearer", accessTtl.toSeconds());
    }

    /**
     * Rotates a refresh token. A reuse within the grace gets the family's live token back with a
     * new access token; any other reused, revoked, expired or unknown token is refused.
     */
    public TokenPair refresh(String refreshToken) {
        if (!Secrets.wellFormed(refreshToken)) {
            throw invalidRefresh();
        }
        List<String> chain = new ArrayList<>(REUSE_CHAIN);
        chain.add(refreshToken);
        int length = reuseGrace.isZero() ? 2 : REUSE_CHAIN;
        while (chain.size() < length) {
            chain.add(successor(chain.getLast()));
        }
        List<String> hashes = chain.stream().map(Secrets::sha256).toList();
        long now = clock.millis();
        Optional<RefreshTokenRow> issued = tokens.rotate(hashes, now + refreshTtl.toMillis(), now, reuseGrace.toMillis());
        int position = issued.map(row -> hashes.indexOf(row.tokenHash())).orElse(-1);
        if (position < 1) {
            throw invalidRefresh();
        }
        return new TokenPair(accessToken(issued.get().userId(), now), chain.get(position), "Bearer", accessTtl.toSeconds());
    }

    /** The token that replaces {@code token} when it is rotated: same shape as a random one. */
    private String successor(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(successorKey, token));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ServiceException invalidRefresh() {
        return new ServiceException(Failure.INVALID_TOKEN, "The refresh token is invalid, expired or already used; sign in again.");
    }

    private String accessToken(long userId, long now) {
        return JWT.create()
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(Long.toString(userId))
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(Instant.ofEpochMilli(now))
                .withClaim(ISSUED_MS, now)
                .withExpiresAt(Instant.ofEpochMilli(now).plus(accessTtl))
                .sign(algorithm);
    }

    /** The principal of a valid, unrevoked access token, or {@link Failure#UNAUTHORIZED}. */
    public Principal authenticate(String accessToken) {
        Principal principal = verified.get(accessToken);
        if (principal == null) {
            principal = verify(accessToken);
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
            verified.put(accessToken, principal);
        }
        if (!principal.expiresAt().isAfter(clock.instant()) || revoked.containsKey(principal.tokenId())
                || principal.issuedAtMillis() < validAfter(principal.userId())) {
            throw unauthorized();
        }
        return principal;
    }

    private Principal verify(String accessToken) {
        try {
            DecodedJWT jwt = verifier.verify(accessToken);
            Long issuedMs = jwt.getClaim(ISSUED_MS).asLong();
            if (issuedMs == null) {
                throw unauthorized();
            }
            return new Principal(Long.parseLong(jwt.getSubject()), jwt.getId(), jwt.getExpiresAtAsInstant(), issuedMs);
        } catch (JWTVerificationException | NumberFormatException e) {
            throw unauthorized();
        }
    }

    static ServiceException unauthorized() {
        return new ServiceException(Failure.UNAUTHORIZED, "A valid access token is required.");
    }

    private long validAfter(long userId) {
        Long cached = validAfter.get(userId);
        if (cached != null) {
            return cached;
        }
        long value = users.tokensValidAfter(userId).orElse(DELETED);
        validAfter.put(userId, value);
        return value;
    }

    /** Logout: this access token stops working now, and so does the refresh token's family. */
    public void logout(Principal principal, String refreshToken) {
        tokens.revokeAccessToken(principal.tokenId(), principal.expiresAt().toEpochMilli());
        revoked.put(principal.tokenId(), principal.expiresAt().toEpochMilli());
        if (Secrets.wellFormed(refreshToken)) {
            tokens.findRefreshToken(Secrets.sha256(refreshToken))
                    .filter(row -> row.userId() == principal.userId())
                    .ifPresent(row -> tokens.revokeFamily(row.familyId(), clock.millis()));
        }
    }

    /** After a password reset: every access token issued before {@code since} is refused. */
    void invalidateBefore(long userId, long since) {
        validAfter.put(userId, since);
    }

    /** After an account is deleted: all its tokens are refused. */
    void forget(long userId) {
        validAfter.put(userId, DELETED);
    }

    /** Drops expired revocations from memory and expired tokens from the database. */
    public void purge() {
        long now = clock.millis();
        revoked.values().removeIf(exp -> exp <= now);
        verified.values().removeIf(p -> p.expiresAt().toEpochMilli() <= now);
        tokens.purgeExpired(now);
    }
}
