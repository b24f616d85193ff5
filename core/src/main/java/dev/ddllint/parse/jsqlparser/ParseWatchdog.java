package dev.ddllint.parse.jsqlparser;

import net.sf.jsqlparser.parser.CCJSqlParser;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The last-resort wall-clock limit of JSqlParser parses that run on the caller's thread: one daemon thread for all
 * of them sets a parser's {@code interrupted} flag (which JSqlParser's grammar loops check) once its parse has run
 * {@code timeoutMillis}, and the parse is then taken as not finished whatever it returns. It replaces a hand-off of
 * every parse to another thread (JSqlParser's own timeout waits on a {@code Future}), which cost a wake-up per
 * statement and, on a loaded machine, the wait for a core.
 *
 * <p>The thread sleeps until the earliest deadline of the parses under way and is woken only by a parse armed with an
 * earlier one, or the first after it found none under way; so arming and disarming a parse takes a lock, and a
 * thread switch only now and then (about twice a limit's length in a run that parses all along).
 */
final class ParseWatchdog {

    static final ParseWatchdog SHARED = new ParseWatchdog();

    /** Runs each task on the thread that submits it: JSqlParser's executor-based API, without a hand-off. */
    static final ExecutorService CALLER = new AbstractExecutorService() {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public java.util.List<Runnable> shutdownNow() {
            return java.util.List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    };

    private final Object lock = new Object();
    /** The parses under way. Guarded by {@link #lock}. */
    private final Set<Watch> watched = new HashSet<>();
    /** When the thread wakes next ({@link System#nanoTime()}), or {@link Long#MAX_VALUE}. Guarded by {@link #lock}. */
    private long wakeAt = Long.MAX_VALUE;
    private Thread thread;

    /** One parse call under the limit: each JSqlParser attempt of it ({@link #watch}) gets the whole limit. */
    final class Watch implements AutoCloseable {
        private final long timeoutNanos;
        private volatile long deadline;
        private volatile CCJSqlParser parser;
        private volatile boolean fired;

        private Watch(long timeoutMillis) {
            this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        }

        /**
         * The attempt that {@code p} is about to make is watched from now on. After the limit was reached once, a
         * further attempt (JSqlParser's second, "complex" parse) starts interrupted.
         */
        void watch(CCJSqlParser p) {
            parser = p;
            if (fired) {
                p.interrupted = true;
                return;
            }
            deadline = System.nanoTime() + timeoutNanos;
            synchronized (lock) {
                if (deadline - wakeAt < 0 || wakeAt == Long.MAX_VALUE) {
                    wakeAt = deadline;
                    lock.notifyAll();
                }
            }
        }

        private void fire() {
            fired = true;
            CCJSqlParser p = parser;
            if (p != null) {
                p.interrupted = true;
            }
        }

        /** True when the limit was reached: what the parse returned, if anything, is not to be used. */
        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            synchronized (lock) {
                watched.remove(this);
            }
            parser = null;
        }
    }

    /** A new watch, its clock running from now; {@link Watch#watch} restarts it for each attempt. */
    Watch start(long timeoutMillis) {
        Watch w = new Watch(timeoutMillis);
        w.deadline = System.nanoTime() + w.timeoutNanos;
        synchronized (lock) {
            watched.add(w);
            if (thread == null) {
                thread = new Thread(this::run, "ddl-lint-parse-watchdog");
                thread.setDaemon(true);
                thread.start();
            }
        }
        return w;
    }

    private void run() {
        synchronized (lock) {
            while (true) {
                try {
                    if (watched.isEmpty()) {
                        wakeAt = Long.MAX_VALUE;
                        lock.wait();
                        continue;
                    }
                    long now = System.nanoTime();
                    long next = Long.MAX_VALUE;
                    for (Watch w : watched) {
                        if (w.fired) {
                            continue;
                        }
                        if (w.deadline - now <= 0) {
                            w.fire();
                        } else if (next == Long.MAX_VALUE || w.deadline - next < 0) {
                            next = w.deadline;
                        }
                    }
                    wakeAt = next;
                    if (next == Long.MAX_VALUE) {
                        lock.wait();
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(lock, Math.max(1, next - now));
                    }
                } catch (InterruptedException e) {
                    // A daemon thread of this class only: nothing asks it to stop; keep watching.
                }
            }
        }
    }
}
