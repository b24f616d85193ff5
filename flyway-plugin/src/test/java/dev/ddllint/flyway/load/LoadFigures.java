package dev.ddllint.flyway.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link WriteLoad} measured: every write and read with when it was due, its latency and outcome, and
 * the named spans (migrations, held transactions). Times are nanoTime; {@link #seconds(long)} makes them
 * seconds since the load started.
 */
public final class LoadFigures {

    /** A named stretch of time. */
    public record Span(String label, long fromNanos, long toNanos) {
        public double seconds() {
            return (toNanos - fromNanos) / 1e9;
        }
    }

    /** One operation, flattened from the threads' samples. */
    record Op(long due, long latency, byte kind, int outcome) {
        long done() {
            return due + latency;
        }

        boolean ok() {
            return outcome == 0;
        }
    }

    private final long startNanos;
    private final long stopNanos;
    private final double targetRate;
    private final List<Op> writes;
    private final List<Op> reads;
    private final List<Span> spans;
    private final List<String> errors;

    LoadFigures(long startNanos, long stopNanos, double targetRate, List<Samples> writeSamples,
                List<Samples> readSamples, List<Span> spans, List<String> errors) {
        this.startNanos = startNanos;
        this.stopNanos = stopNanos;
        this.targetRate = targetRate;
        this.writes = flatten(writeSamples);
        this.reads = flatten(readSamples);
        this.spans = spans;
        this.errors = errors;
    }

    private static List<Op> flatten(List<Samples> all) {
        List<Op> ops = new ArrayList<>();
        for (Samples s : all) {
            for (int i = 0; i < s.size(); i++) {
                ops.add(new Op(s.due(i), s.latency(i), s.kind(i), s.outcome(i)));
            }
        }
        ops.sort((a, b) -> Long.compare(a.due(), b.due()));
        return List.copyOf(ops);
    }

    List<Op> writeOps() {
        return writes;
    }

    List<Op> readOps() {
        return reads;
    }

    public List<Span> spans() {
        return spans;
    }

    /** The first span with this label. */
    public Span span(String label) {
        return spans.stream().filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no span " + label + " in " + spans));
    }

    public double seconds(long nanos) {
        return (nanos - startNanos) / 1e9;
    }

    public double durationSeconds() {
        return (stopNanos - startNanos) / 1e9;
    }

    public long writes() {
        return writes.size();
    }

    public long writesOk() {
        return writes.stream().filter(Op::ok).count();
    }

    /** Writes the server refused or that failed in the driver (lost updates not included). */
    public long writesFailed() {
        return writes.stream().filter(o -> !o.ok() && o.outcome() != Samples.LOST).count();
    }

    /** UPDATEs of an existing row that matched no row: a row the table lost. */
    public long updatesMissingRow() {
        return writes.stream().filter(o -> o.outcome() == Samples.LOST).count();
    }

    /** Failed writes by error code (1205 lock wait timeout, 1213 deadlock, -1 driver error, …). */
    public Map<Integer, Long> failuresByCode() {
        Map<Integer, Long> m = new TreeMap<>();
        writes.stream().filter(o -> !o.ok()).forEach(o -> m.merge(o.outcome(), 1L, Long::sum));
        return m;
    }

    /** The first driver messages of failed operations (at most 20). */
    public List<String> errorMessages() {
        return errors;
    }

    public long reads() {
        return reads.size();
    }

    public long readsFailed() {
        return reads.stream().filter(o -> !o.ok()).count();
    }

    /** Writes acknowledged per second over the whole run. */
    public double achievedWritesPerSecond() {
        return writesOk() / durationSeconds();
    }

    /** Latency of the writes in ms at quantile q (0..1), from when each was due. */
    public double writeLatencyMillis(double q) {
        return quantile(writes, q);
    }

    public double readLatencyMillis(double q) {
        return quantile(reads, q);
    }

    private static double quantile(List<Op> ops, double q) {
        if (ops.isEmpty()) {
            return 0;
        }
        long[] l = ops.stream().mapToLong(Op::latency).sorted().toArray();
        int i = (int) Math.min(l.length - 1, Math.max(0, Math.ceil(q * l.length) - 1));
        return l[i] / 1e6;
    }

    public double maxWriteLatencyMillis() {
        return writes.stream().mapToLong(Op::latency).max().orElse(0) / 1e6;
    }

    /** Writes that took longer than {@code millis} from when they were due (queued behind something). */
    public long writesSlowerThan(double millis) {
        return writes.stream().filter(o -> o.latency() > millis * 1e6).count();
    }

    /**
     * The longest time in which no write completed, in seconds, between the first due write and the stop: the
     * stall the application saw. (At 500 writes/s a healthy run has gaps of a few ms.)
     */
    public double longestWriteGapSeconds() {
        return longestGap(startNanos, stopNanos)[0] / 1e9;
    }

    /** Where the longest gap started, in seconds since the start. */
    public double longestWriteGapStartSeconds() {
        return seconds(longestGap(startNanos, stopNanos)[1]);
    }

    /** The longest gap in write completions that overlaps [from, to] (a span), in seconds. */
    public double longestWriteGapSeconds(Span within) {
        long[] done = completions();
        long best = 0;
        long prev = startNanos;
        for (long d : done) {
            if (d > within.fromNanos() && prev < within.toNanos()) {
                best = Math.max(best, d - prev);
            }
            prev = d;
        }
        if (prev < within.toNanos()) {
            best = Math.max(best, stopNanos - prev);
        }
        return best / 1e9;
    }

    private long[] longestGap(long from, long to) {
        long[] done = completions();
        long best = 0;
        long at = from;
        long prev = from;
        for (long d : done) {
            if (d - prev > best) {
                best = d - prev;
                at = prev;
            }
            prev = d;
        }
        if (to - prev > best) {
            best = to - prev;
            at = prev;
        }
        return new long[]{best, at};
    }

    private long[] completions() {
        long[] done = writes.stream().filter(Op::ok).mapToLong(Op::done).toArray();
        Arrays.sort(done);
        return done;
    }

    /**
     * Writes that waited for what ran in the span: due while it ran, acknowledged (or failed) only after it
     * ended, more than 100 ms late.
     */
    public long writesQueuedBehind(Span span) {
        return writes.stream().filter(o -> o.due() >= span.fromNanos() && o.due() < span.toNanos()
                && o.done() > span.toNanos() && o.latency() > 100_000_000L).count();
    }

    /** Writes due within the span. */
    public long writesDueDuring(Span span) {
        return writes.stream().filter(o -> o.due() >= span.fromNanos() && o.due() < span.toNanos()).count();
    }

    /** Writes due within the span that were acknowledged before it ended: the writes that kept flowing. */
    public long writesCompletedDuring(Span span) {
        return writes.stream().filter(o -> o.ok() && o.due() >= span.fromNanos() && o.done() < span.toNanos())
                .count();
    }

    /** One line of figures for the test output and the docs. */
    public String summary() {
        return String.format(Locale.ROOT, "%.1f s: %,d writes (target %.0f/s, acknowledged %.0f/s), %,d failed %s, "
                        + "%,d updates without their row; write latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max "
                        + "%.0f ms; %,d writes slower than 1 s; longest time without a completed write %.2f s (at "
                        + "%.1f s); %,d reads (%,d failed), p99 %.1f ms", durationSeconds(), writes(), targetRate,
                achievedWritesPerSecond(), writesFailed(), failuresByCode(), updatesMissingRow(),
                writeLatencyMillis(0.5), writeLatencyMillis(0.99), writeLatencyMillis(0.999),
                maxWriteLatencyMillis(), writesSlowerThan(1000), longestWriteGapSeconds(),
                longestWriteGapStartSeconds(), reads(), readsFailed(), readLatencyMillis(0.99));
    }

    /** Figures of one span: how long, the longest write gap in it, how many writes it held up. */
    public String summary(Span span) {
        return String.format(Locale.ROOT, "%s: %.2f s (from %.1f s); %,d writes due, %,d acknowledged within it; "
                        + "longest gap %.2f s; %,d writes queued behind it", span.label(), span.seconds(),
                seconds(span.fromNanos()), writesDueDuring(span), writesCompletedDuring(span),
                longestWriteGapSeconds(span), writesQueuedBehind(span));
    }
}
