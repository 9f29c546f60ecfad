package com.miniwms.salesorders.domain;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {
    /** The rule as written down: every run of white space or no-break spaces is one space, then trimmed. */
    private static final Pattern RUNS_OF_SPACE = Pattern.compile("[\\s\\u00A0]+");

    private static String byTheRule(String value) {
        String collapsed = RUNS_OF_SPACE.matcher(value).replaceAll(" ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    @Test
    void cleanIsTheRuleForAnyMixOfSpacesControlsAndOtherWhiteSpace() {
        Random random = new Random(7);
        char[] alphabet = {'a', 'B', '1', ' ', ' ', ' ', '\t', '\n', '\r', '\u00A0', '\u2003', '\u3000', '\u001F',
                '\u0001', '\u007F', '\u0085', '\u202F', '\u2007', 'é', '漢'};
        for (int i = 0; i < 100_000; i++) {
            char[] chars = new char[random.nextInt(12)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(chars);
            assertThat(Text.clean(value)).as("'%s'", value).isEqualTo(byTheRule(value));
        }
    }

    @Test
    void cleanValuesComeBackAsTheyAreAndBlankOnesAsNothing() {
        String clean = "Jane Smith";
        assertThat(Text.clean(clean)).isSameAs(clean);
        assertThat(Text.clean("  Jane   Smith ")).isEqualTo("Jane Smith");
        assertThat(Text.clean("")).isNull();
        assertThat(Text.clean("   ")).isNull();
        assertThat(Text.clean(null)).isNull();
    }
}
