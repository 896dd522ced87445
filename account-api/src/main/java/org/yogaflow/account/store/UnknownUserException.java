package org.yogaflow.account.store;

/** A write for a user that no longer exists (the account was deleted meanwhile). */
public final class UnknownUserException extends RuntimeException {
    public UnknownUserException(long userId) {
        super("no user " + userId, null, false, false);
    }
}
