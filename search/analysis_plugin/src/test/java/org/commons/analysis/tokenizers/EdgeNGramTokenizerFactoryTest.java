package org.commons.analysis.tokenizers;

import static org.commons.analysis.TokenStreams.terms;
import static org.commons.analysis.TokenStreams.tokenize;
import static org.commons.analysis.TokenStreams.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.commons.analysis.TokenStreams.Token;
import org.elasticsearch.plugin.settings.IntSetting;
import org.junit.jupiter.api.Test;

class EdgeNGramTokenizerFactoryTest {

    static EdgeNGramTokenizerFactory fromSettings(int min, int max, List<String> tokenChars) {
        return new EdgeNGramTokenizerFactory(new EdgeNGramTokenizerFactory.Settings() {
            public int minGram() { return min; }
            public int maxGram() { return max; }
            public List<String> tokenChars() { return tokenChars; }
        });
    }

    @Test
    void defaultsAreOneAndTwo() throws Exception {
        var s = EdgeNGramTokenizerFactory.Settings.class;
        assertEquals(1, s.getMethod("minGram").getAnnotation(IntSetting.class).defaultValue());
        assertEquals(2, s.getMethod("maxGram").getAnnotation(IntSetting.class).defaultValue());
        assertEquals("min_gram", s.getMethod("minGram").getAnnotation(IntSetting.class).path());
        assertEquals("max_gram", s.getMethod("maxGram").getAnnotation(IntSetting.class).path());
    }

    @Test
    void referenceDocsDefaults() {
        // Elasticsearch reference, "Edge n-gram tokenizer": defaults give [ Q, Qu ]
        assertEquals(List.of("Q", "Qu"), terms(fromSettings(1, 2, List.of()).create(), "Quick Fox"));
    }

    @Test
    void referenceDocsLettersAndDigits() {
        // Elasticsearch reference: min_gram 2, max_gram 10, token_chars [letter, digit]
        assertEquals(List.of("Qu", "Qui", "Quic", "Quick", "Fo", "Fox", "Foxe", "Foxes"),
                terms(fromSettings(2, 10, List.of("letter", "digit")).create(), "2 Quick Foxes."));
    }

    @Test
    void positionsAndOffsetsForAutocomplete() {
        List<Token> t = tokens(tokenize(fromSettings(2, 4, List.of("letter", "digit")).create(), "Bin day"));
        assertEquals(List.of(
                new Token("Bi", 1, 0, 2, 0, 1),
                new Token("Bin", 1, 0, 3, 1, 1),
                new Token("da", 1, 4, 6, 2, 1),
                new Token("day", 1, 4, 7, 3, 1)), t);
    }

    @Test
    void maxGramBelowMinGram() {
        var e = assertThrows(IllegalArgumentException.class, () -> fromSettings(3, 2, List.of()).create());
        assertEquals("[max_gram] must be >= [min_gram] for the [edge_ngram] tokenizer, got min_gram=3, max_gram=2", e.getMessage());
    }

    @Test
    void badSettingsFailInCreateNotInTheConstructor() {
        // Elasticsearch answers a constructor exception with a 500, one from create() with a 400
        EdgeNGramTokenizerFactory f = fromSettings(5, 2, List.of());
        var e = assertThrows(IllegalArgumentException.class, f::create);
        assertEquals("[max_gram] must be >= [min_gram] for the [edge_ngram] tokenizer, got min_gram=5, max_gram=2", e.getMessage());
    }

    @Test
    void unknownTokenChars() {
        var e = assertThrows(IllegalArgumentException.class, () -> fromSettings(1, 2, List.of("letters")).create());
        assertEquals("[token_chars] must be one of [letter, digit, whitespace, punctuation, symbol], "
                + "got token_chars=letters", e.getMessage());
    }
}
