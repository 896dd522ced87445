package org.yogaflow.account.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP error answer decided by the web layer itself (bad JSON, unknown route, rate limit …). */
final class ApiError extends RuntimeException {

    final int status;
    final String code;
    final Map<String, String> fields;
    final Map<String, String> headers = new LinkedHashMap<>();

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiError(int status, String code, String message, Map<String, String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = fields;
    }

    ApiError retryAfter(long seconds) {
        headers.put("Retry-After", Long.toString(seconds));
        return this;
    }

    ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static ApiError invalid(String field, String message) {
        return new ApiError(400, "validation_failed", "Some fields are not valid.", Map.of(field, message));
    }
}
