package dev.ddllint.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

class DdlLintOptionsTest {

    private static DdlLintOptions resolve(Map<String, String> builder, Map<String, String> flyway,
                                          Map<String, String> system) {
        Map<String, Map<String, String>> layers = new LinkedHashMap<>();
        layers.put("builder", builder);
        layers.put("flyway", flyway);
        layers.put("system", system);
        return DdlLintOptions.resolve(layers);
    }

    @Test
    void defaults() {
        DdlLintOptions o = DdlLintOptions.defaults();
        assertThat(o.mode()).isEqualTo(DdlLintOptions.Mode.ENFORCE);
        assertThat(o.lockCheck()).isEqualTo(DdlLintOptions.LockCheck.BLOCK);
        assertThat(o.lockWaitTimeout()).isEqualTo(5);
        assertThat(o.lockCheckWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.lockCheckInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.longTransaction()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.failClosed()).isTrue();
        assertThat(o.configFile()).isNull();
        assertThat(o.target()).isNull();
        assertThat(o.failOn()).isNull();
        assertThat(o.describe()).contains("mode=enforce", "lockCheck=block", "lockWaitTimeout=5 s");
    }

    @Test
    void firstSourceWinsAndIsRemembered() {
        DdlLintOptions o = resolve(Map.of("mode", "audit"), Map.of("mode", "off", "lockCheck", "wait"),
                Map.of("lockCheck", "warn", "lockWaitTimeout", "off", "failClosed", "no"));
        assertThat(o.mode()).isEqualTo(DdlLintOptions.Mode.AUDIT);
        assertThat(o.sourceOf("mode")).isEqualTo("builder");
        assertThat(o.lockCheck()).isEqualTo(DdlLintOptions.LockCheck.WAIT);
        assertThat(o.sourceOf("lockCheck")).isEqualTo("flyway");
        assertThat(o.lockWaitTimeout()).isNull();
        assertThat(o.failClosed()).isFalse();
        assertThat(o.sourceOf("target")).isNull();
    }

    @Test
    void keysAreMatchedLooselyAndUnknownOnesRejected() {
        assertThat(DdlLintOptions.canonicalKey("LOCK_WAIT_TIMEOUT")).isEqualTo("lockWaitTimeout");
        assertThat(DdlLintOptions.canonicalKey("lock-check-wait-seconds")).isEqualTo("lockCheckWaitSeconds");
        assertThat(DdlLintOptions.canonicalKey("nonsense")).isNull();
        assertThat(DdlLintOptions.environmentVariable("lockWaitTimeout")).isEqualTo("DDLLINT_LOCK_WAIT_TIMEOUT");
        assertThat(DdlLintOptions.environmentVariable("mode")).isEqualTo("DDLLINT_MODE");
        assertThatThrownBy(() -> resolve(Map.of("lockWaitTimout", "3"), Map.of(), Map.of()))
                .hasMessageContaining("unknown ddl-lint option 'lockWaitTimout'").hasMessageContaining("builder");
    }

    @Test
    void badValuesNameTheKeyAndWhereTheyCameFrom() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("lockCheck", "sometimes"), Map.of()))
                .hasMessage("ddl-lint option lockCheck (from flyway)='sometimes' is not one of [block, wait, warn, off]");
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Map.of("lockCheckWaitSeconds", "7200")))
                .hasMessageContaining("lockCheckWaitSeconds (from system)=7200 must be between 0 and 3600");
        assertThatThrownBy(() -> resolve(Map.of("lockWaitTimeout", "soon"), Map.of(), Map.of()))
                .hasMessageContaining("is not a whole number");
        assertThatThrownBy(() -> resolve(Map.of("failClosed", "maybe"), Map.of(), Map.of()))
                .hasMessageContaining("is not true or false");
        assertThatThrownBy(() -> resolve(Map.of("target", "postgres:16"), Map.of(), Map.of()))
                .hasMessageContaining("ddl-lint option target (from builder): unknown server flavor 'postgres'");
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Map.of("failOn", "sometimes")))
                .hasMessage("ddl-lint option failOn (from system)='sometimes' is not one of [error, warning, info, never]");
    }

    @Test
    void theWaitIsAlwaysBounded() {
        DdlLintOptions o = resolve(Map.of("lockCheck", "wait", "lockCheckWaitSeconds", "3600",
                "lockCheckIntervalSeconds", "600"), Map.of(), Map.of());
        assertThat(o.lockCheckWait()).isEqualTo(Duration.ofHours(1));
        assertThat(DdlLintOptions.MAX_LOCK_CHECK_WAIT_SECONDS).isEqualTo(3600);
        assertThat(o.describe()).contains("lockCheck=wait (up to 3600 s, every 600 s)");
    }

    @Test
    void builderValidatesAtOnce() {
        assertThatThrownBy(() -> DdlLintCallback.builder().option("lockCheck", "never").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lockCheck");
        assertThatThrownBy(() -> DdlLintCallback.builder().option("typo", "x"))
                .hasMessageContaining("unknown ddl-lint option 'typo'");
        DdlLintCallback cb = DdlLintCallback.builder().mode(DdlLintOptions.Mode.AUDIT).lockWaitTimeout(3)
                .lockCheck(DdlLintOptions.LockCheck.WAIT).lockCheckWait(Duration.ofSeconds(30))
                .lockCheckInterval(Duration.ofSeconds(1)).longTransaction(Duration.ofSeconds(10))
                .failClosed(false).target("mysql:8.0.35").failOn("warning").configFile("classpath:x.yml").build();
        assertThat(cb.getCallbackName()).isEqualTo("ddl-lint");
    }

    @Test
    void theScratchUrlIsAJdbcUrlOrAContainerAndSampleRowsAWholeNumber() {
        DdlLintOptions jdbc = resolve(Map.of("mode", "verify", "scratchUrl", "jdbc:mysql://s:3306/?user=u&password=p"),
                Map.of(), Map.of());
        assertThat(jdbc.sampleRows()).isZero();
        assertThat(jdbc.describe()).contains("scratchUrl=jdbc:mysql://s:3306/?user=u&password=***")
                .doesNotContain("sampleRows");
        DdlLintOptions container = resolve(Map.of("mode", "verify", "scratchUrl", "testcontainers:mariadb:10.11",
                "sampleRows", "1000"), Map.of(), Map.of());
        assertThat(container.scratchUrl()).isEqualTo("testcontainers:mariadb:10.11");
        assertThat(container.sampleRows()).isEqualTo(1000);
        assertThat(container.describe()).contains("scratchUrl=testcontainers:mariadb:10.11, sampleRows=1000");
        assertThat(resolve(Map.of(), Map.of("sampleRows", "10"), Map.of()).sampleRows()).isEqualTo(10);
        assertThat(DdlLintOptions.resolve(Map.of("Flyway configuration flyway.plugins.ddllint", Map.of("sample_rows",
                "7"))).sampleRows()).isEqualTo(7);

        assertThatThrownBy(() -> resolve(Map.of("scratchUrl", "testcontainers:postgres:16"), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ddl-lint option scratchUrl (from builder): scratch URL testcontainers:postgres:16: name "
                        + "an image as testcontainers:mysql:8.4.3 or testcontainers:mariadb:10.11");
        assertThatThrownBy(() -> resolve(Map.of("scratchUrl", "mysql://s:3306/"), Map.of(), Map.of()))
                .hasMessageContaining("is not a JDBC URL (jdbc:mysql://host:port/?user=…) or a container "
                        + "(testcontainers:mysql:8.4.3)");
        assertThatThrownBy(() -> resolve(Map.of("sampleRows", "-1"), Map.of(), Map.of()))
                .hasMessageContaining("ddl-lint option sampleRows (from builder)=-1 must be between 0 and");
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("sampleRows", "many"), Map.of()))
                .hasMessage("ddl-lint option sampleRows (from flyway)='many' is not a whole number");
        assertThat(DdlLintCallback.builder().verifyOn("testcontainers:mysql:8.4.3").sampleRows(500).build()
                .getCallbackName()).isEqualTo("ddl-lint");
    }

    @Test
    void auditModeLeavesLockWaitTimeoutAloneUnlessAskedFor() {
        DdlLintOptions audit = resolve(Map.of("mode", "audit"), Map.of(), Map.of());
        assertThat(SessionLockWaitTimeout.effective(audit)).isNull();
        DdlLintOptions auditWithTimeout = resolve(Map.of("mode", "audit", "lockWaitTimeout", "4"), Map.of(),
                Map.of());
        assertThat(SessionLockWaitTimeout.effective(auditWithTimeout)).isEqualTo(4);
        assertThat(SessionLockWaitTimeout.effective(DdlLintOptions.defaults())).isEqualTo(5);
    }
}
