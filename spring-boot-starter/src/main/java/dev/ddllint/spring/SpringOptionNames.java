package dev.ddllint.spring;

import dev.ddllint.flyway.DdlLintOptions;

import java.util.Locale;

/** The Spring Boot property of a callback option: {@code lockCheck} → {@code ddl-lint.lock-check}. */
final class SpringOptionNames {

    private SpringOptionNames() {
    }

    static String property(String key) {
        return DdlLintProperties.PREFIX + "." + kebab(key);
    }

    static String kebab(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The option of a kebab-case name, or null. */
    static String optionOf(String kebabName) {
        return DdlLintOptions.canonicalKey(kebabName);
    }
}
