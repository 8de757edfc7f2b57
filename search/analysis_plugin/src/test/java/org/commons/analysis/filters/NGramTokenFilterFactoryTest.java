package org.commons.analysis.filters;

import static org.commons.analysis.filters.FilterAsserts.assertTokens;
import static org.commons.analysis.filters.FilterAsserts.terms;
import static org.commons.analysis.filters.FilterAsserts.tok;
import static org.commons.analysis.filters.FilterAsserts.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.commons.analysis.filters.FilterAsserts.Tok;
import org.junit.jupiter.api.Test;

class NGramTokenFilterFactoryTest {

    private static NGramTokenFilterFactory ngram(Object... settings) {
        return new NGramTokenFilterFactory(Configs.of(NGramTokenFilterFactory.Config.class, settings));
    }

    private static EdgeNGramTokenFilterFactory edge(Object... settings) {
        return new EdgeNGramTokenFilterFactory(Configs.of(EdgeNGramTokenFilterFactory.Config.class, settings));
    }

    @Test
    void ngramDocsExample() {
        // Elasticsearch reference, n-gram token filter: "Quick fox" with the defaults (1, 2)
        assertEquals(List.of("Q", "Qu", "u", "ui", "i", "ic", "c", "ck", "k", "f", "fo", "o", "ox", "x"),
            terms(Tok.STANDARD, false, ngram(), "Quick fox"));
    }

    @Test
    void ngramDocsFox() {
        // Elasticsearch reference: the ngram filter changes fox to [ f, fo, o, ox, x ]
        assertEquals(List.of("f", "fo", "o", "ox", "x"), terms(ngram(), "fox"));
    }

    @Test
    void ngramKeepsPositionAndOffsetsOfTheToken() {
        assertTokens(List.of(
                tok("ta", 0, 0, 3, 1), tok("tax", 0, 0, 3, 1), tok("ax", 0, 0, 3, 1),
                tok("bi", 1, 4, 7, 1), tok("bin", 1, 4, 7, 1), tok("in", 1, 4, 7, 1)),
            tokens(ngram("min_gram", 2, "max_gram", 3), "tax bin"));
    }

    @Test
    void ngramPreserveOriginal() {
        assertEquals(List.of("ab", "abc", "bc", "bcd", "cd", "abcd"),
            terms(ngram("min_gram", 2, "max_gram", 3, "preserve_original", true), "abcd"));
    }

    @Test
    void ngramMaxBelowMinIsRejected() {
        IllegalArgumentException e = FilterAsserts.rejected(() -> ngram("min_gram", 5, "max_gram", 2));
        assertEquals("[max_gram] must be >= [min_gram] for the [ngram] token filter, got min_gram=5, max_gram=2",
            e.getMessage());
    }

    @Test
    void ngramMinBelowOneIsRejected() {
        IllegalArgumentException e = FilterAsserts.rejected(() -> ngram("min_gram", 0));
        assertEquals("[min_gram] must be >= 1 for the [ngram] token filter, got min_gram=0", e.getMessage());
    }

    @Test
    void edgeNGramDocsExample() {
        // Elasticsearch reference, edge n-gram token filter: "the quick brown fox jumps" with min 1, max 2
        assertEquals(List.of("t", "th", "q", "qu", "b", "br", "f", "fo", "j", "ju"),
            terms(Tok.STANDARD, false, edge("min_gram", 1, "max_gram", 2), "the quick brown fox jumps"));
    }

    @Test
    void edgeNGramDefaults() {
        assertEquals(List.of("t", "th", "q", "qu"), terms(edge(), "the quick"));
    }

    @Test
    void edgeNGramAutocompletePositionsAndOffsets() {
        assertTokens(List.of(
                tok("co", 0, 0, 7, 1), tok("cou", 0, 0, 7, 1), tok("coun", 0, 0, 7, 1),
                tok("ta", 1, 8, 11, 1), tok("tax", 1, 8, 11, 1)),
            tokens(edge("min_gram", 2, "max_gram", 4), "council tax"));
    }

    @Test
    void edgeNGramPreserveOriginal() {
        assertEquals(List.of("c", "co", "council"), terms(edge("preserve_original", true), "council"));
    }

    @Test
    void edgeNGramMaxBelowMinIsRejected() {
        IllegalArgumentException e = FilterAsserts.rejected(() -> edge("min_gram", 5, "max_gram", 2));
        assertEquals("[max_gram] must be >= [min_gram] for the [edge_ngram] token filter, got min_gram=5, max_gram=2",
            e.getMessage());
    }
}
