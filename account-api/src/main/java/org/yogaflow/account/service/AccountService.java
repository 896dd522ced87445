package org.yogaflow.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yogaflow.account.mail.Mailer;
import org.yogaflow.account.store.EmailTokenRow;
import org.yogaflow.account.store.LoginFailureRow;
import org.yogaflow.account.store.LoginFailureStore;
import org.yogaflow.account.store.TokenStore;
import org.yogaflow.account.store.UserRow;
import org.yogaflow.account.store.UserStore;

/**
 * Registration, email verification, login with lockout, logout, password reset and the
 * account itself. Answers never tell whether an address has an account: registration and
 * "forgot password" answer the same either way (the email says what happened), and a wrong
 * password and an unknown email fail alike, after the same amount of bcrypt work.
 */
public final class AccountService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");
    static final Duration VERIFY_TTL = Duration.ofHours(24);
    static final Duration RESET_TTL = Duration.ofHours(1);
    static final int MAX_DISPLAY_NAME = 100;

    private final UserStore users;
    private final TokenStore tokens;
    private final LoginFailureStore failures;
    private final TokenService tokenService;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Mailer mailer;
    private final Emails emails;
    private final Clock clock;
    private final int lockoutFailures;
    private final Duration lockoutDuration;

    public AccountService(UserStore users, TokenStore tokens, LoginFailureStore failures, TokenService tokenService,
                          PasswordHasher hasher, PasswordPolicy policy, Mailer mailer, java.net.URI siteUrl,
                          Clock clock, int lockoutFailures, Duration lockoutDuration) {
        this.users = users;
        this.tokens = tokens;
        this.failures = failures;
        this.tokenService = tokenService;
        this.hasher = hasher;
        this.policy = policy;
        this.mailer = mailer;
        this.emails = new Emails(siteUrl);
        this.clock = clock;
        this.lockoutFailures = lockoutFailures;
        this.lockoutDuration = lockoutDuration;
    }

    /** Trimmed and lower-cased: one account per address however it is typed. */
    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static Optional<String> emailProblem(String email) {
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return Optional.of("Enter an email address like name@example.org.");
        }
        return Optional.empty();
    }

    static Optional<String> displayNameProblem(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME) {
            return Optional.of("Use at most " + MAX_DISPLAY_NAME + " characters.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("Control characters are not allowed.");
        }
        return Optional.empty();
    }

    /**
     * Registers {@code email}. A new address gets a verification link; an address with an
     * unverified account gets a fresh link; a verified one gets a "someone tried to register"
     * note. Every path hashes the password once, so timing tells nothing either.
     */
    public void register(String rawEmail, String password, String displayName) {
        String email = normalizeEmail(rawEmail);
        Map<String, String> problems = new LinkedHashMap<>();
        emailProblem(email).ifPresent(p -> problems.put("email", p));
        policy.problem(password, email).ifPresent(p -> problems.put("password", p));
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        displayNameProblem(name).ifPresent(p -> problems.put("display_name", p));
        if (!problems.isEmpty()) {
            throw ServiceException.invalid(problems);
        }
        String hash = hasher.hash(password);
        String token = Secrets.newToken();
        long now = clock.millis();
        Optional<Long> created = users.register(email, name, hash, Secrets.sha256(token), now + VERIFY_TTL.toMillis(), now);
        if (created.isPresent()) {
            mailer.send(emails.verify(email, token));
            return;
        }
        UserRow existing = users.findByEmail(email).orElseThrow();
        if (existing.emailVerifiedAt() == null) {
            tokens.insertEmailToken(Secrets.sha256(token), existing.id(), "verify", now + VERIFY_TTL.toMillis(), now);
            mailer.send(emails.verify(email, token));
        } else {
            mailer.send(emails.alreadyRegistered(email));
        }
    }

    public void verifyEmail(String token) {
        if (!Secrets.wellFormed(token) || users.verifyEmail(Secrets.sha256(token), clock.millis()).isEmpty()) {
            throw new ServiceException(Failure.INVALID_TOKEN, "The link is invalid, expired or already used.");
        }
    }

    public TokenPair login(String rawEmail, String password) {
        String email = normalizeEmail(rawEmail);
        long now = clock.millis();
        Optional<LoginFailureRow> record = failures.find(email);
        if (record.isPresent() && record.get().lockedUntil() != null && record.get().lockedUntil() > now) {
            throw locked(record.get().lockedUntil() - now);
        }
        boolean wellFormed = emailProblem(email).isEmpty();
        Optional<UserRow> user = wellFormed ? users.findByEmail(email) : Optional.empty();
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.verify(password, user.get().passwordHash());
        } else {
            hasher.burn(password);
            ok = false;
        }
        if (!ok) {
            // Addresses that cannot have an account are not counted: no lock to protect, and
            // no table rows for arbitrary strings.
            if (wellFormed) {
                failures.recordFailure(email, lockoutFailures, lockoutDuration.toMillis(), now);
            }
            throw new ServiceException(Failure.INVALID_CREDENTIALS, "The email or password is wrong.");
        }
        if (record.isPresent()) {
            failures.clear(email);
        }
        if (user.get().emailVerifiedAt() == null) {
            throw new ServiceException(Failure.EMAIL_NOT_VERIFIED,
                    "Confirm your email address first: open the link we sent you, or register again for a new one.");
        }
        return tokenService.issue(user.get().id());
    }

    private static ServiceException locked(long millis) {
        long seconds = Math.max(1, (millis + 999) / 1000);
        return new ServiceException(Failure.ACCOUNT_LOCKED,
                "Too many failed sign-ins for this address; try again later or reset the password.",
                Map.of(), Duration.ofSeconds(seconds));
    }

    public TokenPair refresh(String refreshToken) {
        return tokenService.refresh(refreshToken);
    }

    public void logout(Principal principal, String refreshToken) {
        tokenService.logout(principal, refreshToken);
    }

    /** Sends a reset link if the address has an account; answers the same either way. */
    public void forgotPassword(String rawEmail) {
        String email = normalizeEmail(rawEmail);
        emailProblem(email).ifPresent(p -> {
            throw ServiceException.invalid("email", p);
        });
        Optional<UserRow> user = users.findByEmail(email);
        if (user.isEmpty()) {
            return;
        }
        String token = Secrets.newToken();
        long now = clock.millis();
        tokens.expireEmailTokens(user.get().id(), "reset", now);
        tokens.insertEmailToken(Secrets.sha256(token), user.get().id(), "reset", now + RESET_TTL.toMillis(), now);
        mailer.send(emails.reset(email, token));
    }

    /**
     * Sets a new password with a reset link: signs out every session (refresh tokens revoked,
     * earlier access tokens refused), lifts a login lock, and emails a notice.
     */
    public void resetPassword(String token, String password) {
        ServiceException invalid = new ServiceException(Failure.INVALID_TOKEN, "The link is invalid, expired or already used.");
        if (!Secrets.wellFormed(token)) {
            throw invalid;
        }
        String hashOfToken = Secrets.sha256(token);
        long now = clock.millis();
        // Check the token before the password, without using it up: a weak password must
        // not cost the user their link.
        EmailTokenRow row = tokens.findEmailToken(hashOfToken)
                .filter(t -> t.purpose().equals("reset") && t.usedAt() == null && t.expiresAt() > now)
                .orElseThrow(() -> invalid);
        UserRow user = users.findById(row.userId()).orElseThrow(() -> invalid);
        policy.problem(password, user.email()).ifPresent(p -> {
            throw ServiceException.invalid("password", p);
        });
        String hash = hasher.hash(password);
        long at = clock.millis();
        UserRow changed = users.resetPassword(hashOfToken, hash, at).orElseThrow(() -> invalid);
        tokenService.invalidateBefore(changed.id(), at);
        mailer.send(emails.passwordChanged(changed.email()));
    }

    public Profile profile(long userId) {
        UserRow u = users.findById(userId).orElseThrow(TokenService::unauthorized);
        return new Profile(u.id(), u.email(), u.displayName(), u.emailVerifiedAt() != null, Instant.ofEpochMilli(u.createdAt()));
    }

    /** Sets (or with null or blank, clears) the display name. */
    public Profile rename(long userId, String displayName) {
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        displayNameProblem(name).ifPresent(p -> {
            throw ServiceException.invalid("display_name", p);
        });
        if (users.updateDisplayName(userId, name) != 1) {
            throw TokenService.unauthorized();
        }
        return profile(userId);
    }

    /** Deletes the account and everything of it (sessions, favorites, tokens cascade). */
    public void delete(long userId) {
        users.delete(userId);
        tokenService.forget(userId);
    }

    /** Drops expired tokens and stale lockout counts. */
    public void purge() {
        tokenService.purge();
        long now = clock.millis();
        failures.purge(now - Duration.ofDays(1).toMillis(), now);
    }
}
