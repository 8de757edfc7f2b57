package org.commons.analysis.tokenizers;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.commons.analysis.Validated;

/**
 * The {@code token_chars} classes of Elasticsearch's {@code ngram} and {@code edge_ngram} tokenizers:
 * which characters belong inside a token (everything else splits tokens).
 */
public enum TokenChars {
    LETTER {
        @Override
        boolean matches(int type, int c) {
            return type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER
                    || type == Character.TITLECASE_LETTER || type == Character.MODIFIER_LETTER
                    || type == Character.OTHER_LETTER;
        }
    },
    DIGIT {
        @Override
        boolean matches(int type, int c) {
            return type == Character.DECIMAL_DIGIT_NUMBER;
        }
    },
    WHITESPACE {
        @Override
        boolean matches(int type, int c) {
            return Character.isWhitespace(c);
        }
    },
    PUNCTUATION {
        @Override
        boolean matches(int type, int c) {
            return type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                    || type == Character.OTHER_PUNCTUATION || type == Character.CONNECTOR_PUNCTUATION
                    || type == Character.DASH_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                    || type == Character.FINAL_QUOTE_PUNCTUATION;
        }
    },
    SYMBOL {
        @Override
        boolean matches(int type, int c) {
            return type == Character.CURRENCY_SYMBOL || type == Character.MATH_SYMBOL
                    || type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL;
        }
    };

    abstract boolean matches(int type, int c);

    /** Parses the setting; an empty or missing list gives an empty set, meaning "keep all characters". */
    public static Set<TokenChars> parse(List<String> values) {
        EnumSet<TokenChars> set = EnumSet.noneOf(TokenChars.class);
        if (values == null) {
            return set;
        }
        for (String value : values) {
            String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            try {
                set.add(TokenChars.valueOf(v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Validated.invalid("token_chars", "one of " + allNames(), "token_chars=" + value);
            }
        }
        return set;
    }

    /** True when {@code c} belongs in a token; an empty set accepts every character. */
    public static boolean isTokenChar(Set<TokenChars> set, int c) {
        if (set.isEmpty()) {
            return true;
        }
        int type = Character.getType(c);
        for (TokenChars tc : set) {
            if (tc.matches(type, c)) {
                return true;
            }
        }
        return false;
    }

    static String allNames() {
        return EnumSet.allOf(TokenChars.class).stream()
                .map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
