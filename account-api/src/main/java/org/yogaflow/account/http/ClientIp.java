package org.yogaflow.account.http;

import java.util.Set;
import javax.servlet.http.HttpServletRequest;

/**
 * The client's address for rate limits and logs: the socket's peer, unless that peer is one of
 * the configured trusted proxies; then the right-most address in {@code X-Forwarded-For} that
 * is not a trusted proxy (entries to its left could have been written by the client).
 */
final class ClientIp {

    private final Set<String> trustedProxies;

    ClientIp(Set<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!looksLikeIp(hop)) {
                return peer; // garbage: do not let it pick a bucket
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private static boolean looksLikeIp(String s) {
        return !s.isEmpty() && s.length() <= 45 && s.chars().allMatch(c ->
                (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':');
    }
}
