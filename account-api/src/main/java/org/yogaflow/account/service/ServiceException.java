package org.yogaflow.account.service;

import java.time.Duration;
import java.util.Map;

/**
 * A refusal that the client may see: a {@link Failure}, a message safe to show, per-field
 * messages for validation failures, and how long to wait for lockouts and overload.
 */
public final class ServiceException extends RuntimeException {

    private final Failure failure;
    private final Map<String, String> fields;
    private final Duration retryAfter;

    public ServiceException(Failure failure, String message) {
        this(failure, message, Map.of(), null);
    }

    public ServiceException(Failure failure, String message, Map<String, String> fields, Duration retryAfter) {
        super(message, null, false, false); // expected outcomes: no stack trace to fill
        this.failure = failure;
        this.fields = Map.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    public static ServiceException invalid(Map<String, String> fields) {
        return new ServiceException(Failure.VALIDATION_FAILED, "Some fields are not valid.", fields, null);
    }

    public static ServiceException invalid(String field, String message) {
        return invalid(Map.of(field, message));
    }

    public Failure failure() {
        return failure;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** Null unless the client should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
