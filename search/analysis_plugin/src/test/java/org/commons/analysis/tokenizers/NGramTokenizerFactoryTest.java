package org.commons.analysis.tokenizers;

import static org.commons.analysis.TokenStreams.terms;
import static org.commons.analysis.TokenStreams.tokenize;
import static org.commons.analysis.TokenStreams.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.commons.analysis.TokenStreams.Token;
import org.junit.jupiter.api.Test;

class NGramTokenizerFactoryTest {

    static NGramTokenizerFactory fromSettings(int min, int max, List<String> tokenChars) {
        return new NGramTokenizerFactory(new NGramTokenizerFactory.Settings() {
            public int minGram() { return min; }
            public int maxGram() { return max; }
            public List<String> tokenChars() { return tokenChars; }
        });
    }

    @Test
    void referenceDocsDefaults() {
        // Elasticsearch reference, "N-gram tokenizer": defaults min_gram 1, max_gram 2, keep all characters
        assertEquals(List.of("Q", "Qu", "u", "ui", "i", "ic", "c", "ck", "k", "k ", " ", " F", "F", "Fo", "o", "ox", "x"),
                terms(fromSettings(1, 2, List.of()).create(), "Quick Fox"));
    }

    @Test
    void referenceDocsTrigramsOfLettersAndDigits() {
        // Elasticsearch reference: min_gram 3, max_gram 3, token_chars [letter, digit]
        assertEquals(List.of("Qui", "uic", "ick", "Fox", "oxe", "xes"),
                terms(fromSettings(3, 3, List.of("letter", "digit")).create(), "2 Quick Foxes."));
    }

    @Test
    void positionsAndOffsets() {
        List<Token> t = tokens(tokenize(fromSettings(2, 3, List.of("letter")).create(), "ab cde"));
        assertEquals(List.of(
                new Token("ab", 1, 0, 2, 0, 1),
                new Token("cd", 1, 3, 5, 1, 1),
                new Token("cde", 1, 3, 6, 2, 1),
                new Token("de", 1, 4, 6, 3, 1)), t);
    }

    @Test
    void tokenCharClasses() {
        assertEquals(List.of("a!", "!b"), terms(fromSettings(2, 2, List.of("letter", "punctuation")).create(), "a!b $c"));
        assertEquals(List.of("$c"), terms(fromSettings(2, 2, List.of("letter", "symbol")).create(), "a!b $c"));
        assertEquals(List.of("12"), terms(fromSettings(2, 2, List.of("digit")).create(), "x12"));
        assertEquals(List.of("a ", " b"), terms(fromSettings(2, 2, List.of("letter", "whitespace")).create(), "a b"));
    }

    @Test
    void maxGramBelowMinGram() {
        var e = assertThrows(IllegalArgumentException.class, () -> fromSettings(5, 2, List.of()).create());
        assertEquals("[max_gram] must be >= [min_gram] for the [ngram] tokenizer, got min_gram=5, max_gram=2", e.getMessage());
    }

    @Test
    void minGramBelowOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> fromSettings(0, 2, List.of()).create());
        assertEquals("[min_gram] must be >= 1 for the [ngram] tokenizer, got min_gram=0", e.getMessage());
    }

    @Test
    void unknownTokenChars() {
        var e = assertThrows(IllegalArgumentException.class, () -> fromSettings(1, 2, List.of("letter", "emoji")).create());
        assertEquals("[token_chars] must be one of [letter, digit, whitespace, punctuation, symbol], "
                + "got token_chars=emoji", e.getMessage());
    }
}
