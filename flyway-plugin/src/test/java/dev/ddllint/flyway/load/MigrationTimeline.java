package dev.ddllint.flyway.load;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Flyway callback that names each migration's run on a {@link WriteLoad}'s timeline (from BEFORE_EACH_MIGRATE
 * to AFTER_EACH_MIGRATE or its _ERROR), so figures and plots show what ran when. Register it after ddl-lint's
 * callback; it changes nothing.
 */
public final class MigrationTimeline implements Callback {

    private final WriteLoad load;
    private final List<String> done = new CopyOnWriteArrayList<>();
    private volatile long startedAt;

    public MigrationTimeline(WriteLoad load) {
        this.load = load;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            startedAt = System.nanoTime();
            return;
        }
        String label = "V" + context.getMigrationInfo().getVersion() + " "
                + context.getMigrationInfo().getDescription() + (event == Event.AFTER_EACH_MIGRATE_ERROR
                ? " (failed)" : "");
        load.span(label, startedAt, System.nanoTime());
        done.add(label);
    }

    /** The labels of the migrations that ran, in order. */
    public List<String> labels() {
        return List.copyOf(done);
    }

    @Override
    public String getCallbackName() {
        return "load-timeline";
    }
}
