package org.yogaflow.generator.cli;

import java.util.concurrent.CountDownLatch;

/** How the long-running commands (serve, dev) run: until Ctrl-C or SIGTERM, then they close what they started. */
final class UntilStopped {

    private UntilStopped() {}

    /** Blocks until the JVM is asked to stop, and closes {@code running} on the way out. */
    static void await(AutoCloseable running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                // stopping anyway
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
