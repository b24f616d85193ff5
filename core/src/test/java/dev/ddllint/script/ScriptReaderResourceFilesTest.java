package dev.ddllint.script;

import static dev.ddllint.script.ScriptTestSupport.assertNoProblems;
import static dev.ddllint.script.ScriptTestSupport.assertSpan;
import static dev.ddllint.script.ScriptTestSupport.sqls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole, real-looking migration files from src/test/resources/script. */
class ScriptReaderResourceFilesTest {

    private static byte[] resource(String name) {
        try (InputStream in = ScriptReaderResourceFilesTest.class.getResourceAsStream("/script/" + name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void flywayMigrationWithProcedureWithoutDelimiterChange() {
        ScriptReadResult result = ScriptReader.read(resource("flyway-V12__add_status.sql"),
                ScriptOptions.withPlaceholders(Map.of("schema", "shop")));

        assertNoProblems(result);
        List<ScriptStatement> statements = result.statements();
        assertThat(statements).hasSize(5);
        assertSpan(statements.get(0), 4, 1, 4, 46);
        assertSpan(statements.get(1), 6, 1, 16, 3);
        assertSpan(statements.get(2), 18, 1, 18, 28);
        assertSpan(statements.get(3), 19, 1, 19, 36);
        assertSpan(statements.get(4), 21, 1, 21, 96);
        assertThat(statements).extracting(ScriptStatement::compound).containsExactly(false, true, false, false, false);
        ScriptStatement procedure = statements.get(1);
        assertThat(procedure.sql())
                .startsWith("CREATE PROCEDURE add_status_if_missing()\nBEGIN\n")
                .contains("WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'orders'")
                .contains("ALTER TABLE `shop`.`orders`\n            ADD COLUMN `status`")
                .endsWith("    END IF;\nEND");
        assertThat(procedure.rawText()).contains("'${schema}'");
        assertThat(statements.get(4).sql()).isEqualTo(
                "ALTER TABLE `shop`.`orders` ADD INDEX `idx_status` (`status`), ALGORITHM=INPLACE, LOCK=NONE");
    }

    @Test
    void flywayMigrationWithoutPlaceholderValuesReportsEachUse() {
        ScriptReadResult result = ScriptReader.read(resource("flyway-V12__add_status.sql"), ScriptOptions.defaults());

        assertThat(result.statements()).hasSize(5);
        // ${flyway:defaultSchema} on line 2 is inside a comment and ignored.
        assertThat(result.problems()).extracting(ScriptProblem::code, ScriptProblem::line, ScriptProblem::column)
                .containsExactly(
                        tuple("unresolved-placeholder", 10, 31),
                        tuple("unresolved-placeholder", 12, 22),
                        tuple("unresolved-placeholder", 21, 14));
    }

    @Test
    void mysqldumpExcerpt() {
        ScriptReadResult result = ScriptReader.read(resource("mysqldump-excerpt.sql"), ScriptOptions.defaults());

        assertNoProblems(result);
        List<ScriptStatement> statements = result.statements();
        assertThat(statements).extracting(ScriptStatement::line, ScriptStatement::column, ScriptStatement::endLine,
                        ScriptStatement::endColumn, ScriptStatement::delimiter, ScriptStatement::compound)
                .containsExactly(
                        tuple(6, 1, 6, 64, ";", false),
                        tuple(7, 1, 7, 29, ";", false),
                        tuple(13, 1, 13, 29, ";", false),
                        tuple(14, 1, 14, 61, ";", false),
                        tuple(15, 1, 21, 15, ";", false),
                        tuple(22, 1, 22, 55, ";", false),
                        tuple(24, 1, 24, 26, ";", false),
                        tuple(25, 1, 25, 45, ";", false),
                        tuple(26, 1, 26, 68, ";", false),
                        tuple(27, 1, 27, 44, ";", false),
                        tuple(28, 1, 28, 13, ";", false),
                        tuple(29, 1, 29, 50, ";", false),
                        tuple(31, 1, 35, 6, ";;", true),
                        tuple(37, 1, 37, 55, ";", false));
        assertThat(sqls(result).get(0)).isEqualTo("SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT");
        assertThat(sqls(result).get(4)).endsWith(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4\n"
                + "         PARTITION BY HASH (`id`)\nPARTITIONS 4");
        assertThat(sqls(result).get(7)).isEqualTo("ALTER TABLE `orders` DISABLE KEYS");
        assertThat(sqls(result).get(8)).isEqualTo("INSERT INTO `orders` VALUES (1,'it\\'s; fine'),(2,'-- not a comment')");
        assertThat(sqls(result).get(12)).contains("TRIGGER `orders_bi` BEFORE INSERT ON `orders` FOR EACH ROW BEGIN\n"
                + "  IF NEW.note IS NULL THEN\n    SET NEW.note = 'none';\n  END IF;\nEND").doesNotContain("/*!");
        assertThat(sqls(result).get(13)).isEqualTo("SET sql_mode              = @saved_sql_mode");
    }

    @Test
    void legacyUpgradeWithDollarDelimiterAndNoFinalSemicolon() {
        ScriptReadResult result = ScriptReader.read(resource("legacy-upgrade.sql"), ScriptOptions.defaults());

        assertNoProblems(result);
        List<ScriptStatement> statements = result.statements();
        assertThat(statements).extracting(ScriptStatement::line, ScriptStatement::column, ScriptStatement::endLine,
                        ScriptStatement::endColumn, ScriptStatement::delimiter, ScriptStatement::compound)
                .containsExactly(
                        tuple(3, 1, 3, 66, ";", false),
                        tuple(6, 1, 6, 33, "$$", false),
                        tuple(7, 1, 16, 3, "$$", true),
                        tuple(19, 1, 19, 18, ";", false),
                        tuple(20, 1, 20, 45, ";", false));
        assertThat(statements.get(2).sql()).startsWith("CREATE DEFINER=`admin`@`%` PROCEDURE backfill(IN batch INT)")
                .endsWith("  END LOOP fill;\nEND");
        assertThat(statements.get(4).sql()).isEqualTo("ALTER TABLE customers DROP COLUMN legacy_flag");
    }
}
