package dev.ddllint.flyway.load;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A steady write load on one {@link LoadTable}, as the application of a migration would put on it: writer threads
 * insert rows and update {@code v = v + 1} of random rows at a fixed total rate (open loop: each write is due at
 * its time whether or not the one before has returned, so a stalled table shows as writes queued, not as a slower
 * rate), reader threads read rows by id. Every operation's latency and outcome is recorded.
 *
 * <p>The load keeps a ledger of what the server acknowledged: at {@link #start()} it reads every row's
 * {@code (id, v)}, then counts each acknowledged insert and update, so after {@link #stop()}
 * {@link #expected()} is the checksum the table must have if no acknowledged write was lost (compare with
 * {@link LoadTable#checksum}).
 *
 * <pre>{@code
 * WriteLoad load = WriteLoad.on(db::connect, table).writesPerSecond(500).start();
 * long t = System.nanoTime();  ... run the migration ...  load.span("V2 ALTER", t, System.nanoTime());
 * LoadFigures f = load.stop();
 * assertThat(table.checksum(c)).isEqualTo(load.expected());
 * }</pre>
 */
public final class WriteLoad implements AutoCloseable {

    /** Where connections come from ({@code ScratchDatabase::connect}, a DataSource, a DriverManager URL). */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final LoadTable table;
    private final int writers;
    private final double writesPerSecond;
    private final int readers;
    private final double readsPerSecond;
    private final double insertShare;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Samples> writeSamples = Collections.synchronizedList(new ArrayList<>());
    private final List<Samples> readSamples = Collections.synchronizedList(new ArrayList<>());
    private final List<LoadFigures.Span> spans = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Long> inserted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private long[] ids;
    private int[] startV;
    private AtomicIntegerArray updates;
    private long startNanos;
    private LoadFigures figures;

    private WriteLoad(Builder b) {
        this.connector = b.connector;
        this.table = b.table;
        this.writers = b.writers;
        this.writesPerSecond = b.writesPerSecond;
        this.readers = b.readers;
        this.readsPerSecond = b.readsPerSecond;
        this.insertShare = b.insertShare;
    }

    /** A load on {@code table}; defaults: 8 writers, 500 writes/s (20% inserts), 2 readers at 100 reads/s each. */
    public static Builder on(Connector connector, LoadTable table) {
        return new Builder(connector, table);
    }

    /** Options of a load before it starts. */
    public static final class Builder {
        private final Connector connector;
        private final LoadTable table;
        private int writers = 8;
        private double writesPerSecond = 500;
        private int readers = 2;
        private double readsPerSecond = 100;
        private double insertShare = 0.2;

        private Builder(Connector connector, LoadTable table) {
            this.connector = connector;
            this.table = table;
        }

        public Builder writers(int n) {
            this.writers = n;
            return this;
        }

        /** Total over all writers. */
        public Builder writesPerSecond(double rate) {
            this.writesPerSecond = rate;
            return this;
        }

        public Builder readers(int n) {
            this.readers = n;
            return this;
        }

        /** Per reader (closed loop: a reader waits for its read). */
        public Builder readsPerSecond(double rate) {
            this.readsPerSecond = rate;
            return this;
        }

        /** Share of the writes that are inserts; the rest update existing rows. */
        public Builder insertShare(double share) {
            this.insertShare = share;
            return this;
        }

        /** Reads the table's rows into the ledger, then starts the threads. */
        public WriteLoad start() throws SQLException {
            WriteLoad load = new WriteLoad(this);
            load.begin();
            return load;
        }
    }

    private void begin() throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = connector.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, v FROM `" + table.name() + "` ORDER BY id")) {
            while (rs.next()) {
                rows.add(new long[]{rs.getLong(1), rs.getLong(2)});
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("table " + table.name() + " is empty: nothing to update");
        }
        ids = new long[rows.size()];
        startV = new int[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rows.get(i)[0];
            startV[i] = (int) rows.get(i)[1];
        }
        updates = new AtomicIntegerArray(ids.length);
        // Connections first, so that the first due writes do not wait for a connect.
        List<Connection> writerConnections = new ArrayList<>();
        List<Connection> readerConnections = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            writerConnections.add(connector.connect());
        }
        for (int i = 0; i < readers; i++) {
            readerConnections.add(connector.connect());
        }
        startNanos = System.nanoTime();
        long period = Math.round(writers * 1e9 / writesPerSecond);
        for (int i = 0; i < writers; i++) {
            Samples samples = new Samples();
            writeSamples.add(samples);
            Connection c = writerConnections.get(i);
            long first = startNanos + period * i / writers;
            threads.add(thread("load-writer-" + i, () -> write(c, first, period, samples)));
        }
        long readPeriod = Math.round(1e9 / readsPerSecond);
        for (int i = 0; i < readers; i++) {
            Samples samples = new Samples();
            readSamples.add(samples);
            Connection c = readerConnections.get(i);
            threads.add(thread("load-reader-" + i, () -> read(c, readPeriod, samples)));
        }
        threads.forEach(Thread::start);
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private void write(Connection first, long firstDue, long period, Samples samples) {
        Connection c = first;
        long due = firstDue;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (!stop.get()) {
                sleepUntil(due);
                if (stop.get()) {
                    break;
                }
                boolean insert = random.nextDouble() < insertShare;
                int row = random.nextInt(ids.length);
                int outcome = 0;
                try {
                    if (insert) {
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO `" + table.name()
                                + "` (k, v, pad) VALUES (?, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
                            ps.setInt(1, random.nextInt(1_000_003));
                            ps.setString(2, "w" + due);
                            ps.executeUpdate();
                            try (ResultSet keys = ps.getGeneratedKeys()) {
                                keys.next();
                                inserted.add(keys.getLong(1));
                            }
                        }
                    } else {
                        try (PreparedStatement ps = c.prepareStatement("UPDATE `" + table.name()
                                + "` SET v = v + 1 WHERE id = ?")) {
                            ps.setLong(1, ids[row]);
                            if (ps.executeUpdate() == 1) {
                                updates.incrementAndGet(row);
                            } else {
                                outcome = Samples.LOST;
                            }
                        }
                    }
                } catch (SQLException e) {
                    outcome = e.getErrorCode() != 0 ? e.getErrorCode() : -1;
                    note(e);
                    c = reconnectIfBroken(c, e);
                }
                samples.add(due, System.nanoTime() - due, insert ? Samples.INSERT : Samples.UPDATE, outcome);
                due += period;
            }
        } finally {
            closeQuietly(c);
        }
    }

    private void read(Connection first, long period, Samples samples) {
        Connection c = first;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long due = System.nanoTime();
        try {
            while (!stop.get()) {
                sleepUntil(due);
                long began = System.nanoTime();
                int outcome = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT v FROM `" + table.name()
                        + "` WHERE id = ?")) {
                    ps.setLong(1, ids[random.nextInt(ids.length)]);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                } catch (SQLException e) {
                    outcome = e.getErrorCode() != 0 ? e.getErrorCode() : -1;
                    note(e);
                    c = reconnectIfBroken(c, e);
                }
                long end = System.nanoTime();
                samples.add(began, end - began, Samples.READ, outcome);
                due = Math.max(due + period, end); // closed loop: a reader never bursts to catch up
            }
        } finally {
            closeQuietly(c);
        }
    }

    private void note(SQLException e) {
        if (errors.size() < 20) {
            errors.add(e.getErrorCode() + " " + e.getSQLState() + ": " + e.getMessage());
        }
    }

    /** After a communication error, a new connection (the next write is then due at once, as in a pool). */
    private Connection reconnectIfBroken(Connection c, SQLException e) {
        String state = e.getSQLState();
        if (state == null || !state.startsWith("08")) {
            return c;
        }
        closeQuietly(c);
        while (!stop.get()) {
            try {
                return connector.connect();
            } catch (SQLException again) {
                note(again);
                sleepUntil(System.nanoTime() + 100_000_000L);
            }
        }
        return c;
    }

    private static void sleepUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // the load is ending; a connection that will not close changes no figure
        }
    }

    /** The nanoTime the load started at (time 0 of its figures and plots). */
    public long startNanos() {
        return startNanos;
    }

    /** Names a stretch of time (a migration, a held transaction) for the figures and the plot. */
    public void span(String label, long fromNanos, long toNanos) {
        spans.add(new LoadFigures.Span(label, fromNanos, toNanos));
    }

    /**
     * Stops the threads (each finishes the operation in flight; a write stuck behind a lock is waited for up to
     * a minute) and returns the figures. Idempotent.
     */
    public synchronized LoadFigures stop() {
        if (figures != null) {
            return figures;
        }
        long stopNanos = System.nanoTime();
        stop.set(true);
        for (Thread t : threads) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " did not finish its operation within a minute");
            }
        }
        figures = new LoadFigures(startNanos, stopNanos, writesPerSecond, List.copyOf(writeSamples),
                List.copyOf(readSamples), List.copyOf(spans), List.copyOf(errors));
        return figures;
    }

    /** After {@link #stop()}: the checksum the table has if every acknowledged write is there, and no other. */
    public LoadTable.Checksum expected() {
        if (figures == null) {
            throw new IllegalStateException("stop() first");
        }
        long rows = ids.length;
        long sum = 0;
        BigInteger digest = BigInteger.ZERO;
        for (int i = 0; i < ids.length; i++) {
            long v = startV[i] + (long) updates.get(i);
            sum += v;
            digest = digest.add(LoadTable.Checksum.rowDigest(ids[i], v));
        }
        for (long id : inserted) {
            rows++;
            digest = digest.add(LoadTable.Checksum.rowDigest(id, 0));
        }
        return new LoadTable.Checksum(rows, sum, digest);
    }

    @Override
    public void close() {
        stop();
    }
}
