package org.yogaflow.account.http;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JSON line per request on standard output, written by a background thread through a
 * buffer, so request threads never wait on the terminal or a log file (a synchronous,
 * flushed write per line cost more than a whole progress request). If output cannot keep up,
 * lines are dropped and the count of dropped lines is logged with the next line written.
 */
final class RequestLog implements AutoCloseable {

    /** A distinct instance, compared by identity: no request line can be it. */
    private static final String STOP = new String("stop");

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(65_536);
    private final AtomicLong dropped = new AtomicLong();
    private final OutputStream out;
    private final Thread thread;

    RequestLog() {
        this(new FileOutputStream(FileDescriptor.out));
    }

    RequestLog(OutputStream target) {
        this.out = new BufferedOutputStream(target, 1 << 16);
        this.thread = new Thread(this::run, "request-log");
        thread.setDaemon(true);
        thread.start();
    }

    void log(String line) {
        if (!queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        List<String> batch = new ArrayList<>(1024);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, 1023);
                for (String line : batch) {
                    if (line == STOP) {
                        out.flush();
                        return;
                    }
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.write(("{\"request_log_dropped\":" + lost + "}\n").getBytes(StandardCharsets.UTF_8));
                }
                batch.clear();
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException | IOException e) {
            // stdout closed or shutting down: nothing sensible left to do with request lines
        }
    }

    @Override
    public void close() {
        try {
            if (queue.offer(STOP, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
