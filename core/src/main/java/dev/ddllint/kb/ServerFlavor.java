package dev.ddllint.kb;

import java.util.Locale;

public enum ServerFlavor {
    MYSQL, MARIADB;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return this == MYSQL ? "MySQL" : "MariaDB";
    }
}
