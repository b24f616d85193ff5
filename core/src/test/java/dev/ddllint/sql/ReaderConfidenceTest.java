package dev.ddllint.sql;

import dev.ddllint.model.StatementKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader vouches only for statements whose every token is in a form it models; it names the first other. */
class ReaderConfidenceTest {

    private static String doubt(String sql) {
        var tokens = SqlLexer.tokenize(sql);
        return ReaderConfidence.doubt(TolerantStatementReader.kindOf(tokens), tokens);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (id INT)",
            "CREATE TEMPORARY TABLE IF NOT EXISTS db.t (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY)",
            "CREATE TABLE `t` (`a` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL COMMENT 'x',"
                    + " b DECIMAL(10,2) NOT NULL DEFAULT -1.5, c ENUM('x','y') DEFAULT 'x',"
                    + " d TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),"
                    + " e INT GENERATED ALWAYS AS (b + 1) STORED, f DOUBLE PRECISION, g JSON DEFAULT (JSON_ARRAY()),"
                    + " PRIMARY KEY (a(10), b DESC), UNIQUE KEY u (c) USING BTREE, KEY (d) COMMENT 'k' INVISIBLE,"
                    + " FULLTEXT KEY ft (a) WITH PARSER ngram, INDEX ((b * 2)),"
                    + " CONSTRAINT fk FOREIGN KEY (b) REFERENCES p (id) ON DELETE SET NULL ON UPDATE NO ACTION,"
                    + " CONSTRAINT ck CHECK (b > 0) NOT ENFORCED)"
                    + " ENGINE=InnoDB AUTO_INCREMENT=10 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"
                    + " ROW_FORMAT=DYNAMIC COMMENT='orders'",
            "CREATE TABLE t (id INT) PARTITION BY HASH (id) PARTITIONS 4",
            "CREATE TABLE t LIKE s",
            "CREATE TABLE t (LIKE s)",
            "CREATE UNIQUE INDEX i ON t (a, b(10)) USING HASH ALGORITHM=INPLACE LOCK=NONE",
            "DROP INDEX `PRIMARY` ON db.t ALGORITHM = COPY",
            "DROP TABLE IF EXISTS a, db.b CASCADE",
            "DROP TEMPORARY TABLES x",
            "RENAME TABLE a TO b, c TO d",
            "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci",
            "SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0",
            "SET SESSION lock_wait_timeout = 5, @@global.x := CONCAT('a', 'b')",
            "CREATE TABLE {$NAMESPACE}_x (id INT) ENGINE=%ENGINE%"
    })
    void vouchesForWhatItModels(String sql) {
        assertThat(doubt(sql)).as(sql).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE TABLE t (id INT) SELECT 1 | unknown table option \"SELECT\"",
            "CREATE OR REPLACE TABLE t (id INT) | expected TABLE, found \"OR\"",
            "CREATE TABLE t (id INTT) | column type INTT is not one the reader models",
            "CREATE TABLE t (id INT FROBNICATE) | unknown column attribute \"FROBNICATE\"",
            "CREATE TABLE t (b BIT DEFAULT b'0') | unknown default \"b\"",
            "CREATE TABLE t (id INT, KEY (id) USING RTREE) | unknown index type \"RTREE\"",
            "CREATE TABLE t (id INT) UNION=(a,b) | unknown table option \"UNION\"",
            "CREATE TABLE t (id INT | expected ), found at the end",
            "CREATE TABLE t (g INT AS ((a) | unbalanced parentheses",
            "CREATE ONLINE INDEX i ON t (a) | expected INDEX, found \"ONLINE\"",
            "CREATE INDEX i ON t (a) ALGORITHM=FAST | unknown ALGORITHM \"FAST\"",
            "DROP INDEX i ON t FORCE | unexpected \"FORCE\"",
            "DROP TABLE a b | unexpected \"b\"",
            "RENAME TABLE a | expected TO, found at the end",
            "SET TRANSACTION ISOLATION LEVEL READ COMMITTED | not an assignment: \"TRANSACTION\"",
            "SET @x = | no value",
            "ALTER TABLE t ADD c INT | ALTER_TABLE is not modelled by the reader alone"
    })
    void namesWhatItCannotModel(String sql, String why) {
        assertThat(doubt(sql)).as(sql).isEqualTo(why);
    }
}
