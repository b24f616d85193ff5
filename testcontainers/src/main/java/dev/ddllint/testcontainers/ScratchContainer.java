package dev.ddllint.testcontainers;

import dev.ddllint.verify.ContainerScratchUrl;
import dev.ddllint.verify.ScratchServerProvider;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One MySQL or MariaDB container for a verify run: root with a password made here (random, only ever passed to
 * Docker and to the driver), labelled {@code dev.ddllint.scratch} so a stray one is recognisable, stopped and
 * removed by {@link #stop()}. Testcontainers' reaper (Ryuk) removes it too when the JVM dies without stopping it.
 */
final class ScratchContainer implements ScratchServerProvider.Started {

    static final String USER = "root";
    static final int PORT = 3306;
    /** Connector/J options for a server with a self-made certificate and MySQL 8's caching_sha2_password. */
    static final String URL_OPTIONS = "?useSSL=false&allowPublicKeyRetrieval=true";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcDatabaseContainer<?> container;
    private final String password;
    private boolean stopped;

    private ScratchContainer(JdbcDatabaseContainer<?> container, String password) {
        this.container = container;
        this.password = password;
    }

    static ScratchContainer of(ContainerScratchUrl url) {
        DockerImageName image = DockerImageName.parse(url.image());
        String password = password();
        JdbcDatabaseContainer<?> c = url.mariadb() ? new MariaDb(image) : new MySQLContainer<>(image);
        c.withUsername(USER).withPassword(password).withLabel("dev.ddllint.scratch", url.url());
        return new ScratchContainer(c, password);
    }

    /** 24 characters of letters and digits: about 140 bits. */
    static String password() {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The URL verify connects to: no database (it makes its own), no credentials. */
    static String jdbcUrl(String host, int port) {
        return "jdbc:mysql://" + host + ":" + port + "/" + URL_OPTIONS;
    }

    /** Pulls the image when needed, starts it and waits until the server answers a query (Testcontainers' wait). */
    void start() {
        container.start();
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl(container.getHost(), container.getMappedPort(PORT));
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "10000");
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    @Override
    public synchronized void stop() {
        if (!stopped) {
            stopped = true;
            container.stop();
        }
    }

    /**
     * MariaDB through Connector/J, as ddl-lint reaches every MariaDB: Testcontainers' own class would wait with the
     * MariaDB driver, which ddl-lint does not ship.
     */
    static final class MariaDb extends MariaDBContainer<MariaDb> {

        MariaDb(DockerImageName image) {
            super(image);
        }

        @Override
        public String getDriverClassName() {
            return "com.mysql.cj.jdbc.Driver";
        }

        @Override
        public String getJdbcUrl() {
            return "jdbc:mysql://" + getHost() + ":" + getMappedPort(PORT) + "/" + getDatabaseName()
                    + constructUrlParameters("?", "&");
        }
    }
}
