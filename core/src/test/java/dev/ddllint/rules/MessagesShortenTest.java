package dev.ddllint.rules;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Messages#shorten} without a regex gives what the regex {@code \s+ → " "} gave, on any characters. */
class MessagesShortenTest {

    private static String byRegex(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    @Test
    void shortensAsTheRegexDid() {
        // white space of every kind, characters \s does not match (NEL, NBSP, LINE SEPARATOR), controls trim() drops
        char[] alphabet = {' ', '\t', '\n', '\u000B', '\f', '\r', '\u0085', '\u00A0', '\u2028', '\u0001', '\u001F',
            'a', 'B', '1', ';', '\'', '`', 'é', '字'};
        Random random = new Random(15);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(k % 10 == 0 ? 200 : 90);
            for (int i = 0; i < length; i++) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = b.toString();
            assertThat(Messages.shorten(text)).as("%s", text.chars().boxed().toList()).isEqualTo(byRegex(text));
        }
        assertThat(Messages.shorten(null)).isEqualTo(byRegex(null));
        assertThat(Messages.shorten("  ALTER\tTABLE\r\n  t  ")).isEqualTo("ALTER TABLE t");
    }
}
