package org.yogaflow.account.http;

import java.util.Map;
import java.util.Set;
import org.yogaflow.account.service.AccountService;
import org.yogaflow.account.service.Failure;
import org.yogaflow.account.service.ServiceException;

/**
 * Registration, verification, login, refresh, logout and password reset, rate-limited per client.
 *
 * <pre>
 * curl -s -XPOST localhost:8081/api/v1/auth/login -H 'Content-Type: application/json' \
 *      -d '{"email":"ana@example.org","password":"correct horse battery"}'
 * </pre>
 */
final class AuthRoutes {

    private static final Map<String, String> ACCEPTED = Map.of("message",
            "If this address can be used, we have sent an email to it. Check your inbox.");

    private final AccountService accounts;
    private final RateLimiter register;
    private final RateLimiter login;
    private final RateLimiter forgot;
    private final RateLimiter reset;

    AuthRoutes(AccountService accounts, RateLimit register, RateLimit login, RateLimit forgot, RateLimit reset) {
        this.accounts = accounts;
        this.register = new RateLimiter("registration", register);
        this.login = new RateLimiter("sign-in", login);
        this.forgot = new RateLimiter("password-reset", forgot);
        this.reset = new RateLimiter("password-reset", reset);
    }

    void register(Routes routes) {
        routes.add("POST", "/auth/register", (req, res) -> {
            register.acquire(Routes.clientOf(req));
            Body body = Body.of(req, false);
            String email = body.string("email", true);
            String password = body.string("password", true);
            String name = body.string("display_name", false);
            body.done(Set.of("email", "password", "display_name"));
            accounts.register(email, password, name);
            res.status(202);
            return ACCEPTED;
        });
        routes.add("POST", "/auth/verify-email", (req, res) -> {
            Body body = Body.of(req, false);
            String token = body.string("token", true);
            body.done(Set.of("token"));
            accounts.verifyEmail(token);
            return null;
        });
        routes.add("POST", "/auth/login", (req, res) -> {
            login.acquire(Routes.clientOf(req));
            Body body = Body.of(req, false);
            String email = body.string("email", true);
            String password = body.string("password", true);
            body.done(Set.of("email", "password"));
            return accounts.login(email, password);
        });
        routes.add("POST", "/auth/refresh", (req, res) -> {
            Body body = Body.of(req, false);
            String token = body.string("refresh_token", true);
            body.done(Set.of("refresh_token"));
            try {
                return accounts.refresh(token);
            } catch (ServiceException e) {
                if (e.failure() == Failure.INVALID_TOKEN) {
                    throw new ApiError(401, "invalid_token", e.getMessage()).header("WWW-Authenticate", "Bearer");
                }
                throw e;
            }
        });
        routes.signedIn("POST", "/auth/logout", (principal, req, res) -> {
            Body body = Body.of(req, true);
            String refresh = body.string("refresh_token", false);
            body.done(Set.of("refresh_token"));
            accounts.logout(principal, refresh);
            return null;
        });
        routes.add("POST", "/auth/forgot-password", (req, res) -> {
            forgot.acquire(Routes.clientOf(req));
            Body body = Body.of(req, false);
            String email = body.string("email", true);
            body.done(Set.of("email"));
            accounts.forgotPassword(email);
            res.status(202);
            return ACCEPTED;
        });
        routes.add("POST", "/auth/reset-password", (req, res) -> {
            reset.acquire(Routes.clientOf(req));
            Body body = Body.of(req, false);
            String token = body.string("token", true);
            String password = body.string("password", true);
            body.done(Set.of("token", "password"));
            accounts.resetPassword(token, password);
            return null;
        });
    }

    void purge() {
        register.purge();
        login.purge();
        forgot.purge();
        reset.purge();
    }
}
