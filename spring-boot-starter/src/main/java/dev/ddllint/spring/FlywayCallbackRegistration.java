package dev.ddllint.spring;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.Arrays;

/** Adds the callback to the ones Spring Boot already gave Flyway ({@code callbacks(…)} replaces them). */
final class FlywayCallbackRegistration {

    private FlywayCallbackRegistration() {
    }

    static void register(FluentConfiguration configuration, Callback callback) {
        Callback[] existing = configuration.getCallbacks();
        Callback[] all = Arrays.copyOf(existing, existing.length + 1);
        all[existing.length] = callback;
        configuration.callbacks(all);
    }
}
