package org.yogaflow.account.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own errors (a request line or header that strict parsing rejects, headers too large,
 * a body over the limit) as our JSON error shape with the security headers, instead of Jetty's
 * HTML page. These never reach Spark.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Json.TYPE);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("Content-Security-Policy", SecurityHeaders.CSP);
        fields.put("Cache-Control", "no-store");
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        SecurityHeaders.apply(response);
        response.setContentType(Json.TYPE);
        byte[] body = body(code).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    private static String body(int status) {
        String reason = HttpStatus.getMessage(status);
        String code = reason == null ? "http_" + status : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return Json.error(code, "The request could not be processed: " + (reason == null ? status : reason) + ".", null);
    }
}
