package org.yogaflow.account.service;

import java.util.Locale;

/** Why a service call was refused. The web layer maps each to a status; {@link #code} is public. */
public enum Failure {
    VALIDATION_FAILED,
    INVALID_CREDENTIALS,
    EMAIL_NOT_VERIFIED,
    ACCOUNT_LOCKED,
    INVALID_TOKEN,
    UNAUTHORIZED,
    NOT_FOUND,
    IDEMPOTENCY_KEY_REUSED,
    BUSY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
