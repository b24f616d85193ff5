package dev.ddllint.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the connections the tools make themselves (CLI {@code check --jdbc-url}, {@code stats}, {@code calibrate},
 * {@code mvn ddl-lint:stats}): the password comes from {@code DDL_LINT_JDBC_PASSWORD}, never from what is printed,
 * and a dead host fails within seconds instead of hanging.
 */
public final class JdbcConnections {

    public static final String PASSWORD_VARIABLE = "DDL_LINT_JDBC_PASSWORD";
    public static final String URL_VARIABLE = "DDL_LINT_JDBC_URL";
    /** The scratch server's password for verify (CLI, Maven, the Flyway callback's mode=verify). */
    public static final String SCRATCH_PASSWORD_VARIABLE = "DDL_LINT_SCRATCH_PASSWORD";

    private JdbcConnections() {
    }

    /** The URL given (option or parameter), else {@code DDL_LINT_JDBC_URL}; null or blank when there is none. */
    public static String url(String given) {
        return given != null ? given : System.getenv(URL_VARIABLE);
    }

    /**
     * @param readOnly true for connections that only read (they also get a socket timeout; a calibration's
     *                 rebuild may legitimately take longer)
     */
    public static Connection open(String url, boolean readOnly) throws SQLException {
        return open(url, readOnly, PASSWORD_VARIABLE);
    }

    /** {@link #open(String, boolean)} with the password from the environment variable {@code passwordVariable}. */
    public static Connection open(String url, boolean readOnly, String passwordVariable) throws SQLException {
        Properties props = new Properties();
        String password = System.getenv(passwordVariable);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10000");
        if (readOnly) {
            props.setProperty("socketTimeout", "60000");
        }
        Connection c = DriverManager.getConnection(url, props);
        if (readOnly) {
            try {
                c.setReadOnly(true);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** A URL or message with any {@code password=…} replaced by {@code ***}. */
    public static String redact(String text) {
        return text == null ? "" : text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
    }
}
