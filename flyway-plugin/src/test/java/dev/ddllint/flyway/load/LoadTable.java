package dev.ddllint.flyway.load;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * The table a {@link WriteLoad} writes to: {@code id BIGINT AUTO_INCREMENT PRIMARY KEY, k INT, v INT, pad
 * VARCHAR(64)}, filled fast by doubling ({@code INSERT … SELECT} of itself), and its checksum as the server sees
 * it. Writers only ever add rows with {@code v = 0} and add 1 to {@code v} of a row, so the checksum over
 * {@code (id, v)} survives any ALTER that keeps those two columns (added columns, indexes, a wider type).
 */
public final class LoadTable {

    private static final int SEED_ROWS = 1024;

    private final String name;

    private LoadTable(String name) {
        this.name = name;
    }

    /** A table that exists already (for instance one a migration created). */
    public static LoadTable existing(String name) {
        return new LoadTable(name);
    }

    /** Creates {@code name} in the connection's database and fills it with {@code rows} rows. */
    public static LoadTable create(Connection c, String name, int rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `" + name + "` (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                    + "k INT NOT NULL, v INT NOT NULL DEFAULT 0, pad VARCHAR(64) NOT NULL) ENGINE=InnoDB");
            StringBuilder seed = new StringBuilder("INSERT INTO `" + name + "` (k, v, pad) VALUES ");
            for (int i = 1; i <= Math.min(SEED_ROWS, rows); i++) {
                seed.append(i == 1 ? "" : ",").append("(").append((i * 7919L) % 1_000_003).append(", 0, '")
                        .append(String.format(Locale.ROOT, "%048d", i)).append("')");
            }
            s.execute(seed.toString());
            // Doubling: 1,024 rows become 262,144 in 8 statements.
            for (long have = Math.min(SEED_ROWS, rows); have < rows; have *= 2) {
                s.execute("INSERT INTO `" + name + "` (k, v, pad) SELECT (k * 31 + 7) % 1000003, 0, pad FROM `"
                        + name + "` LIMIT " + Math.min(have, rows - have));
            }
            s.execute("ANALYZE TABLE `" + name + "`");
        }
        return new LoadTable(name);
    }

    public String name() {
        return name;
    }

    /**
     * Row count, sum of v, and the sum over all rows of the first 60 bits of SHA-256("id:v"), as the
     * server computes them (SHA2: MySQL 9.7 has no MD5 or SHA1). Not an XOR of CRC32s: CRC32 is linear,
     * so in an XOR two updates of any two rows cancel out.
     */
    public Checksum checksum(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*), "
                + "COALESCE(SUM(v), 0), "
                + "COALESCE(SUM(CAST(CONV(LEFT(SHA2(CONCAT(id, ':', v), 256), 15), 16, 10) AS UNSIGNED)), 0) "
                + "FROM `" + name + "`")) {
            rs.next();
            return new Checksum(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3).toBigIntegerExact());
        }
    }

    /** What a table holds, in three numbers; equal checksums mean every row has the expected v. */
    public record Checksum(long rows, long sumV, BigInteger digestSum) {

        /** The digest a row adds to {@link #digestSum}, as {@link #checksum} computes it on the server. */
        public static BigInteger rowDigest(long id, long v) {
            try {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest((id + ":" + v)
                        .getBytes(StandardCharsets.US_ASCII));
                return new BigInteger(1, Arrays.copyOf(sha, 8)).shiftRight(4); // first 15 hex digits
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            String d = digestSum.toString(16);
            return String.format(Locale.ROOT, "%,d rows, sum(v) %,d, digest …%s", rows, sumV,
                    d.substring(Math.max(0, d.length() - 8)));
        }
    }
}
