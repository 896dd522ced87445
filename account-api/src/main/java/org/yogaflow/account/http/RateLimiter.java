package org.yogaflow.account.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client token buckets (Bucket4j), one set per limited route. A bucket starts full with
 * {@code permits} tokens and refills all of them at the end of each period, so "3 per minute"
 * means a burst of 3, then 3 more a minute later. Full, idle buckets are dropped by
 * {@link #purge} so a scan from many addresses does not grow memory for good.
 */
final class RateLimiter {

    private final String name;
    private final RateLimit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(String name, RateLimit limit) {
        this.name = name;
        this.limit = limit;
    }

    /** Takes one token for {@code client}, or throws 429 with the seconds until the next one. */
    void acquire(String client) {
        if (limit.unlimited()) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.permits())
                        .refillIntervally(limit.permits(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new ApiError(429, "rate_limited", "Too many " + name + " requests from your address; try again in "
                    + seconds + " s.").retryAfter(seconds);
        }
    }

    void purge() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= limit.permits());
    }
}
