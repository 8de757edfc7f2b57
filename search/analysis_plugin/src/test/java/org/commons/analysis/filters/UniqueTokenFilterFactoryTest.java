package org.commons.analysis.filters;

import static org.commons.analysis.filters.FilterAsserts.assertTokens;
import static org.commons.analysis.filters.FilterAsserts.tok;
import static org.commons.analysis.filters.FilterAsserts.tokens;
import static org.commons.analysis.filters.FilterAsserts.terms;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.commons.analysis.filters.FilterAsserts.Tok;
import org.junit.jupiter.api.Test;

class UniqueTokenFilterFactoryTest {

    private static UniqueTokenFilterFactory unique(Object... settings) {
        return new UniqueTokenFilterFactory(Configs.of(UniqueTokenFilterFactory.Config.class, settings));
    }

    @Test
    void docsExample() {
        // Elasticsearch reference, unique token filter: "the quick fox jumps the lazy fox"
        assertEquals(List.of("the", "quick", "fox", "jumps", "lazy"),
            terms(unique(), "the quick fox jumps the lazy fox"));
    }

    @Test
    void docsLazyLazyDog() {
        assertEquals(List.of("the", "lazy", "dog"), terms(unique(), "the lazy lazy dog"));
    }

    @Test
    void keptTokensKeepTheirOffsets() {
        assertTokens(List.of(tok("bins", 0, 0, 4, 1), tok("tax", 1, 5, 8, 1), tok("parking", 2, 14, 21, 1)),
            tokens(unique(), "bins tax bins parking tax"));
    }

    @Test
    void onlyOnSamePositionKeepsRepeatsAtOtherPositions() {
        assertEquals(List.of("the", "fox", "the", "fox"), terms(unique("only_on_same_position", true), "the fox the fox"));
    }

    @Test
    void onlyOnSamePositionRemovesStackedDuplicates() {
        // Folding with preserve_original, then folding again, stacks "cafe" twice on one position.
        TokenFilterFactory stacked = ts -> new ASCIIFoldingFilter(new ASCIIFoldingFilter(ts, true), false);
        assertEquals(List.of("a", "cafe", "cafe"), terms(stacked, "a café"));
        UniqueTokenFilterFactory samePosition = unique("only_on_same_position", true);
        assertTokens(List.of(tok("a", 0, 0, 1, 1), tok("cafe", 1, 2, 6, 1), tok("a", 2, 7, 8, 1)),
            tokens(ts -> samePosition.create(stacked.create(ts)), "a café a"));
    }

    @Test
    void resetClearsSeenTerms() {
        UniqueTokenFilterFactory f = unique();
        assertEquals(List.of("a", "b"), terms(f, "a b a"));
        assertEquals(List.of("a", "b"), terms(f, "a b a"));
    }
}
