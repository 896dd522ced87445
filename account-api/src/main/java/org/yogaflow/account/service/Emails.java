package org.yogaflow.account.service;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.yogaflow.account.mail.Email;

/** The text of every email the API sends; links point at pages of the public site. */
final class Emails {

    private final URI site;

    Emails(URI site) {
        this.site = site;
    }

    private String link(String page, String token) {
        return site.resolve(page) + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    Email verify(String to, String token) {
        return new Email(to, "Confirm your YogaFlow account", """
                Welcome to YogaFlow!

                Please confirm your email address by opening this link within 24 hours:

                %s

                If you did not create an account, ignore this email; nothing will happen.
                """.formatted(link("account/verify-email/", token)));
    }

    Email alreadyRegistered(String to) {
        return new Email(to, "Someone tried to register with your address", """
                Someone (perhaps you) tried to create a YogaFlow account with this email address,
                but it already has an account, so nothing was changed.

                If it was you and you forgot your password, reset it here:

                %s

                If it was not you, you can ignore this email.
                """.formatted(site.resolve("account/forgot-password/")));
    }

    Email reset(String to, String token) {
        return new Email(to, "Reset your YogaFlow password", """
                Someone (hopefully you) asked to reset the password of your YogaFlow account.
                Open this link within one hour to choose a new password; it works once:

                %s

                If you did not ask for this, ignore this email: your password stays as it is.
                """.formatted(link("account/reset-password/", token)));
    }

    Email passwordChanged(String to) {
        return new Email(to, "Your YogaFlow password was changed", """
                The password of your YogaFlow account was just changed, and every device that
                was signed in has been signed out.

                If you did not do this, reset your password at once:

                %s
                """.formatted(site.resolve("account/forgot-password/")));
    }
}
