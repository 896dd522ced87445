package org.yogaflow.account.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import spark.Request;

/**
 * A JSON object request body, read field by field with per-field type errors collected, so
 * one 400 answer lists everything wrong. Unknown fields are errors (a typo never passes
 * silently). Call {@link #done} after reading every field.
 */
final class Body {

    private final JsonNode root;
    private final Map<String, String> problems = new LinkedHashMap<>();

    private Body(JsonNode root) {
        this.root = root;
    }

    /**
     * Parses the body of {@code request}: 415 unless it is JSON (UTF-8), 400 if it is not one
     * JSON object. An empty body is an empty object when {@code emptyAllowed}.
     */
    static Body of(Request request, boolean emptyAllowed) {
        byte[] bytes = request.bodyAsBytes();
        if ((bytes == null || bytes.length == 0) && emptyAllowed) {
            return new Body(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        String type = request.contentType();
        if (type == null || !isJson(type)) {
            throw new ApiError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
        }
        if (bytes == null || bytes.length == 0) {
            throw new ApiError(400, "malformed_json", "The request needs a JSON object body.");
        }
        JsonNode node;
        try {
            node = Json.read(bytes);
        } catch (IOException e) {
            throw new ApiError(400, "malformed_json", "The body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new ApiError(400, "malformed_json", "The body must be a JSON object.");
        }
        return new Body(node);
    }

    /** application/json, optionally with charset=utf-8 (JSON is UTF-8; nothing else is accepted). */
    static boolean isJson(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().replace("\"", "");
            if (p.startsWith("charset=") && !p.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    boolean has(String field) {
        return root.has(field);
    }

    String string(String field, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.put(field, "Required.");
            }
            return null;
        }
        if (!n.isTextual()) {
            problems.put(field, "Must be a string.");
            return null;
        }
        String s = n.textValue();
        if (s.indexOf('\0') >= 0) {
            problems.put(field, "Must not contain NUL characters.");
            return null;
        }
        return s;
    }

    Integer integer(String field, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.put(field, "Required.");
            }
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            problems.put(field, "Must be a whole number.");
            return null;
        }
        return n.intValue();
    }

    Boolean bool(String field, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.put(field, "Required.");
            }
            return null;
        }
        if (!n.isBoolean()) {
            problems.put(field, "Must be true or false.");
            return null;
        }
        return n.booleanValue();
    }

    /** An ISO-8601 date-time with offset, e.g. 2025-03-30T07:15:00Z or 2025-03-30T09:15:00+02:00. */
    Instant instant(String field, boolean required) {
        String s = string(field, required);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            problems.put(field, "Must be a date-time with offset, like 2025-03-30T07:15:00Z.");
            return null;
        }
    }

    /** Throws 400 with every problem found, unknown fields included. */
    void done(Set<String> known) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.put(name.length() > 64 ? name.substring(0, 64) + "…" : name, "Unknown field.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiError(400, "validation_failed", "Some fields are not valid.", problems);
        }
    }
}
