package org.yogaflow.account.http;

import java.time.Duration;

/** At most {@code permits} requests per {@code period} from one client address. */
public record RateLimit(int permits, Duration period) {

    /** No limit at all (a rate set to "off"). */
    public static final RateLimit UNLIMITED = new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1));

    public boolean unlimited() {
        return permits == Integer.MAX_VALUE;
    }
}
