package dev.ddllint.flyway.load;

import java.util.Arrays;

/**
 * One thread's record of its operations: when each was due (nanoTime), how long it took from then until it
 * returned (so time spent queued behind a stalled one counts), what it was and how it ended (0 = success,
 * otherwise the server's error code, -1 for an error without one, -2 for an UPDATE that found no row).
 * Written by one thread, read after it has ended.
 */
final class Samples {

    static final byte INSERT = 1;
    static final byte UPDATE = 2;
    static final byte READ = 3;
    static final int LOST = -2;

    private long[] due = new long[1024];
    private long[] latency = new long[1024];
    private byte[] kind = new byte[1024];
    private int[] outcome = new int[1024];
    private int size;

    void add(long dueNanos, long latencyNanos, byte what, int result) {
        if (size == due.length) {
            int n = size * 2;
            due = Arrays.copyOf(due, n);
            latency = Arrays.copyOf(latency, n);
            kind = Arrays.copyOf(kind, n);
            outcome = Arrays.copyOf(outcome, n);
        }
        due[size] = dueNanos;
        latency[size] = latencyNanos;
        kind[size] = what;
        outcome[size] = result;
        size++;
    }

    int size() {
        return size;
    }

    long due(int i) {
        return due[i];
    }

    long latency(int i) {
        return latency[i];
    }

    byte kind(int i) {
        return kind[i];
    }

    int outcome(int i) {
        return outcome[i];
    }
}
