package dev.ddllint.parse.jsqlparser;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared watchdog interrupts a parse that reaches its limit, and only that one; parses stay on the caller. */
class ParseWatchdogTest {

    private static final ParseWatchdog WATCHDOG = new ParseWatchdog();

    /** Waits (up to a minute: a loaded machine) until the watch fired; the test asserts what, not when. */
    private static void awaitFired(ParseWatchdog.Watch w) throws InterruptedException {
        for (int i = 0; i < 6_000 && !w.fired(); i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void aParseThatReachesItsLimitIsInterruptedAndAFurtherAttemptStartsInterrupted() throws Exception {
        CCJSqlParser first = CCJSqlParserUtil.newParser("SELECT 1");
        try (ParseWatchdog.Watch w = WATCHDOG.start(20)) {
            w.watch(first);
            awaitFired(w);
            assertThat(w.fired()).isTrue();
            assertThat(first.interrupted).isTrue();
            CCJSqlParser second = CCJSqlParserUtil.newParser("SELECT 1");
            w.watch(second);
            assertThat(second.interrupted).isTrue();
        }
    }

    @Test
    void aParseClosedBeforeItsLimitIsNeverInterrupted() throws Exception {
        List<CCJSqlParser> closed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            CCJSqlParser p = CCJSqlParserUtil.newParser("SELECT " + i);
            try (ParseWatchdog.Watch w = WATCHDOG.start(50)) {
                w.watch(p);
            }
            closed.add(p);
        }
        // One watch left open beside them: when it has fired, the closed ones' deadlines have long passed too.
        CCJSqlParser open = CCJSqlParserUtil.newParser("SELECT 2");
        try (ParseWatchdog.Watch w = WATCHDOG.start(100)) {
            w.watch(open);
            awaitFired(w);
            assertThat(w.fired()).isTrue();
        }
        assertThat(open.interrupted).isTrue();
        assertThat(closed).noneMatch(p -> p.interrupted);
    }

    @Test
    void aShorterLimitArmedLaterFiresFirst() throws Exception {
        try (ParseWatchdog.Watch slow = WATCHDOG.start(600_000); ParseWatchdog.Watch quick = WATCHDOG.start(20)) {
            slow.watch(CCJSqlParserUtil.newParser("SELECT 1"));
            quick.watch(CCJSqlParserUtil.newParser("SELECT 2"));
            awaitFired(quick);
            assertThat(quick.fired()).isTrue();
            assertThat(slow.fired()).isFalse();
        }
    }

    @Test
    void theCallerExecutorRunsTasksInPlaceAndHandsBackWhatTheyThrow() throws Exception {
        Future<String> name = ParseWatchdog.CALLER.submit(() -> Thread.currentThread().getName());
        assertThat(name.isDone()).isTrue();
        assertThat(name.get()).isEqualTo(Thread.currentThread().getName());
        Future<Object> overflow = ParseWatchdog.CALLER.submit(() -> {
            throw new StackOverflowError("deep");
        });
        assertThatThrownBy(overflow::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void theAdapterParsesOnTheCallersThreadAndFailsClosedAtItsLimit() {
        JSqlParserAdapter adapter = new JSqlParserAdapter(30_000);
        assertThat(adapter.parse("ALTER TABLE t ADD COLUMN c INT").ok()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("ddl-lint-parse"));
        // 1,900 columns: within the parse budget; no machine reads them in 1 ms
        StringBuilder sql = new StringBuilder("CREATE TABLE wide (c0 INT");
        for (int i = 1; i < 1_900; i++) {
            sql.append(", c").append(i).append(" INT");
        }
        JSqlParserAdapter.Outcome o = new JSqlParserAdapter(1).parse(sql.append(")").toString());
        assertThat(o.ok()).isFalse();
        assertThat(o.gaveUp()).isTrue();
        assertThat(o.error()).isEqualTo("JSqlParser did not finish within the last-resort limit of 1 ms "
                + "(parseTimeoutMillis)");
    }
}
