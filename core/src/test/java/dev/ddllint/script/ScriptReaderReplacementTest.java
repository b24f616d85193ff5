package dev.ddllint.script;

import static dev.ddllint.script.ScriptTestSupport.assertNoProblems;
import static dev.ddllint.script.ScriptTestSupport.assertSpan;
import static dev.ddllint.script.ScriptTestSupport.read;
import static dev.ddllint.script.ScriptTestSupport.readTokens;
import static dev.ddllint.script.ScriptTestSupport.sqls;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flyway placeholders and literal tokens of other migration tools. */
class ScriptReaderReplacementTest {

    @Test
    void resolvedPlaceholderIsReplacedInSqlButNotInRawText() {
        ScriptReadResult result = read("ALTER TABLE ${schema}.t ADD c INT;",
                ScriptOptions.withPlaceholders(Map.of("schema", "app")));

        assertNoProblems(result);
        ScriptStatement statement = result.statements().get(0);
        assertThat(statement.sql()).isEqualTo("ALTER TABLE app.t ADD c INT");
        assertThat(statement.rawText()).isEqualTo("ALTER TABLE ${schema}.t ADD c INT");
        assertSpan(statement, 1, 1, 1, 33);
    }

    @Test
    void placeholdersInStringsBackticksAndMidWordAreReplaced() {
        Map<String, String> values = Map.of("prefix", "ost_", "suffix", "v2", "flyway:defaultSchema", "main",
                "env", "prod");
        ScriptReadResult result = read("ALTER TABLE `${prefix}users` ADD c INT COMMENT '${env}';\n"
                + "ALTER TABLE tbl_${suffix} ADD d INT;\n"
                + "ALTER TABLE ${flyway:defaultSchema}.t ADD e INT;", ScriptOptions.withPlaceholders(values));

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("ALTER TABLE `ost_users` ADD c INT COMMENT 'prod'",
                "ALTER TABLE tbl_v2 ADD d INT", "ALTER TABLE main.t ADD e INT");
    }

    @Test
    void unresolvedPlaceholderIsReportedAtItsPositionAndLeftAsIs() {
        ScriptReadResult result = read("ALTER TABLE ${schema}.t ADD c INT;\n  SELECT '${other}', ${schema};",
                ScriptOptions.defaults());

        assertThat(sqls(result)).containsExactly("ALTER TABLE ${schema}.t ADD c INT", "SELECT '${other}', ${schema}");
        assertThat(result.problems()).extracting(ScriptProblem::code, ScriptProblem::line, ScriptProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unresolved-placeholder", 1, 13),
                        org.assertj.core.groups.Tuple.tuple("unresolved-placeholder", 2, 11),
                        org.assertj.core.groups.Tuple.tuple("unresolved-placeholder", 2, 22));
        assertThat(result.problems().get(0).message()).contains("${schema}").contains("line 1, column 13");
        assertThat(result.problems().get(1).message()).contains("${other}");
    }

    @Test
    void placeholdersInCommentsAreIgnored() {
        ScriptReadResult result = read("-- uses ${x}\n/* ${y} */ SELECT 1; # ${z}\nSELECT 2 /* ${w} */;",
                ScriptOptions.defaults());

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void placeholdersInsideVersionedCommentsAreReplaced() {
        ScriptReadResult result = read("/*!40101 SET NAMES ${charset} */;",
                ScriptOptions.withPlaceholders(Map.of("charset", "utf8mb4")));

        assertThat(sqls(result)).containsExactly("SET NAMES utf8mb4");
    }

    @Test
    void placeholderReplacementCanBeSwitchedOff() {
        ScriptReadResult result = read("SELECT '${a}', ${b};", new ScriptOptions(Map.of("a", "x"), Map.of(), false));

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT '${a}', ${b}");
    }

    @Test
    void textThatIsNotAPlaceholderIsLeftAlone() {
        ScriptReadResult result = read("SELECT '${', '$x', '${}', '${a b}', '$ {c}', price$ FROM t;",
                ScriptOptions.defaults());

        assertNoProblems(result);
        assertThat(result.statements()).hasSize(1);
    }

    @Test
    void placeholderNamesFallBackToCaseInsensitiveLookup() {
        ScriptReadResult result = read("SELECT ${Schema}, ${TABLE};",
                ScriptOptions.withPlaceholders(Map.of("schema", "s", "table", "t")));

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT s, t");
    }

    @Test
    void placeholderValueIsNotScannedAgain() {
        ScriptReadResult result = read("SELECT ${v}; SELECT 2;", ScriptOptions.withPlaceholders(Map.of("v", "1; -- x")));

        assertThat(sqls(result)).containsExactly("SELECT 1; -- x", "SELECT 2");
    }

    @Test
    void phabricatorNamespaceToken() {
        ScriptReadResult result = readTokens("ALTER TABLE {$NAMESPACE}_user.user ADD c INT;\n"
                        + "ALTER TABLE `{$NAMESPACE}_user`.`user` ADD d INT;",
                Map.of("{$NAMESPACE}", "app"));

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("ALTER TABLE app_user.user ADD c INT",
                "ALTER TABLE `app_user`.`user` ADD d INT");
        assertThat(result.statements().get(1).rawText()).isEqualTo("ALTER TABLE `{$NAMESPACE}_user`.`user` ADD d INT");
        assertSpan(result.statements().get(1), 2, 1, 2, 48);
    }

    @Test
    void osTicketPrefixToken() {
        ScriptReadResult result = readTokens("ALTER TABLE `%TABLE_PREFIX%ticket` ADD c INT;\n"
                        + "INSERT INTO %TABLE_PREFIX%config (k) VALUES ('%TABLE_PREFIX%');",
                Map.of("%TABLE_PREFIX%", "ost_"));

        assertThat(sqls(result)).containsExactly("ALTER TABLE `ost_ticket` ADD c INT",
                "INSERT INTO ost_config (k) VALUES ('ost_')");
    }

    @Test
    void joomlaHashPrefixTokenWinsOverHashComment() {
        Map<String, String> tokens = Map.of("#__", "jos_");
        ScriptReadResult result = readTokens("# Joomla update\n"
                + "ALTER TABLE `#__users` ADD c INT;\n"
                + "ALTER TABLE #__content ADD d INT; # trailing #__x\n", tokens);

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("ALTER TABLE `jos_users` ADD c INT", "ALTER TABLE jos_content ADD d INT");
        assertSpan(result.statements().get(1), 3, 1, 3, 32);
    }

    @Test
    void withoutTheTokenAnUnquotedHashPrefixIsACommentAsInMysql() {
        ScriptReadResult result = read("ALTER TABLE #__content ADD d INT;\nSELECT 1;");

        assertThat(sqls(result)).containsExactly("ALTER TABLE " + " ".repeat(21) + "\nSELECT 1");
    }

    @Test
    void tokensInsideCommentsAreNotReplacedAndCommentsStayComments() {
        ScriptReadResult result = readTokens("SELECT 1 /* %TABLE_PREFIX% */ FROM `%TABLE_PREFIX%t`; -- #__x;\nSELECT 2;",
                Map.of("%TABLE_PREFIX%", "ost_", "#__", "jos_"));

        assertThat(sqls(result)).containsExactly("SELECT 1 " + " ".repeat(20) + " FROM `ost_t`", "SELECT 2");
        assertThat(result.statements().get(0).rawText()).isEqualTo("SELECT 1 /* %TABLE_PREFIX% */ FROM `%TABLE_PREFIX%t`");
    }

    @Test
    void longerTokenWinsAtTheSamePosition() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("#_", "short_");
        tokens.put("#__", "jos_");
        ScriptReadResult result = readTokens("SELECT * FROM `#__users`, `#_x`;", tokens);

        assertThat(sqls(result)).containsExactly("SELECT * FROM `jos_users`, `short_x`");
    }

    @Test
    void tokensAndPlaceholdersTogether() {
        ScriptReadResult result = read("ALTER TABLE ${schema}.`%TABLE_PREFIX%t` ADD c INT;",
                new ScriptOptions(Map.of("schema", "app"), Map.of("%TABLE_PREFIX%", "ost_"), true));

        assertThat(sqls(result)).containsExactly("ALTER TABLE app.`ost_t` ADD c INT");
    }

    @Test
    void optionsCopyTheirMapsAndDropNulls() {
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("a", "1");
        placeholders.put("b", null);
        placeholders.put(null, "x");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("", "never");
        tokens.put("%P%", "p_");

        ScriptOptions options = new ScriptOptions(placeholders, tokens, true);
        placeholders.put("c", "3");

        assertThat(options.placeholders()).containsExactly(Map.entry("a", "1"));
        assertThat(options.tokenReplacements()).containsExactly(Map.entry("%P%", "p_"));
        assertThat(new ScriptOptions(null, null, true).placeholders()).isEmpty();
        assertThat(ScriptOptions.defaults().replaceFlywayPlaceholders()).isTrue();
    }
}
