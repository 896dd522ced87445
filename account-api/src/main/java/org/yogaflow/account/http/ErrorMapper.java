package org.yogaflow.account.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yogaflow.account.service.ServiceException;

/**
 * The one place where failures become HTTP answers, always as
 * {@code {"error":{"code":…,"message":…}}}. Service refusals map by their {@link
 * org.yogaflow.account.service.Failure}; anything unexpected becomes a 500 whose message names
 * only the request id, while the log gets the stack trace.
 */
final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    static ApiError map(Exception e, Object requestId) {
        if (e instanceof ApiError a) {
            return a;
        }
        if (e instanceof ServiceException s) {
            int status = switch (s.failure()) {
                case VALIDATION_FAILED, INVALID_TOKEN -> 400;
                case INVALID_CREDENTIALS, UNAUTHORIZED -> 401;
                case EMAIL_NOT_VERIFIED -> 403;
                case NOT_FOUND -> 404;
                case IDEMPOTENCY_KEY_REUSED -> 422;
                case ACCOUNT_LOCKED -> 429;
                case BUSY -> 503;
            };
            ApiError a = new ApiError(status, s.failure().code(), s.getMessage(), s.fields());
            if (s.retryAfter() != null) {
                a.retryAfter(Math.max(1, s.retryAfter().toSeconds()));
            }
            if (status == 401) {
                a.header("WWW-Authenticate", "Bearer");
            }
            return a;
        }
        LOG.error("request {} failed", requestId, e);
        return new ApiError(500, "internal_error", "Something went wrong on our side (request " + requestId + ").");
    }

    static void apply(spark.Response response, ApiError e) {
        response.status(e.status);
        response.type(Json.TYPE);
        e.headers.forEach(response::header);
        response.body(Json.error(e.code, e.getMessage(), e.fields));
    }

    /** Writes an error straight to the servlet response (outside Spark's routing). */
    static void write(HttpServletResponse response, ApiError e) throws IOException {
        response.setStatus(e.status);
        response.setContentType(Json.TYPE);
        for (Map.Entry<String, String> h : e.headers.entrySet()) {
            response.setHeader(h.getKey(), h.getValue());
        }
        byte[] body = Json.error(e.code, e.getMessage(), e.fields).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
