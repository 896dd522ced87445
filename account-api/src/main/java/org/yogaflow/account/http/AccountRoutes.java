package org.yogaflow.account.http;

import java.util.Set;
import org.yogaflow.account.service.AccountService;

/**
 * The signed-in user's own account.
 *
 * <pre>curl -s localhost:8081/api/v1/me -H "Authorization: Bearer $TOKEN"</pre>
 */
final class AccountRoutes {

    private final AccountService accounts;

    AccountRoutes(AccountService accounts) {
        this.accounts = accounts;
    }

    void register(Routes routes) {
        routes.signedIn("GET", "/me", (principal, req, res) -> accounts.profile(principal.userId()));
        routes.signedIn("PATCH", "/me", (principal, req, res) -> {
            Body body = Body.of(req, false);
            String name = body.string("display_name", false);
            body.done(Set.of("display_name"));
            // Absent means "leave as is"; null or "" clears the name.
            return body.has("display_name") ? accounts.rename(principal.userId(), name) : accounts.profile(principal.userId());
        });
        routes.signedIn("DELETE", "/me", (principal, req, res) -> {
            accounts.delete(principal.userId());
            return null;
        });
    }
}
