package org.commons.analysis.filters;

import static org.commons.analysis.filters.FilterAsserts.assertTokens;
import static org.commons.analysis.filters.FilterAsserts.terms;
import static org.commons.analysis.filters.FilterAsserts.tok;
import static org.commons.analysis.filters.FilterAsserts.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commons.analysis.filters.FilterAsserts.Tok;
import org.junit.jupiter.api.Test;

class SynonymTokenFilterFactoryTest {

    private static SynonymTokenFilterFactory synonym(Object... settings) {
        return new SynonymTokenFilterFactory(Configs.of(SynonymTokenFilterFactory.Config.class, settings));
    }

    @Test
    void singleToMultiWordIsALinearChain() {
        // "ict" spans the two positions of "information technology": still one chain, no side path.
        assertTokens(List.of(
                tok("information", 0, 0, 3, 1), tok("ict", 0, 0, 3, 2), tok("technology", 1, 0, 3, 1),
                tok("services", 2, 4, 12, 1)),
            tokens(Tok.WHITESPACE, true, synonym("synonyms", SynonymGraphTokenFilterFactoryTest.LOCAL_GOVERNMENT),
                "ICT services"));
    }

    @Test
    void multiWordToMultiWordIsFlattened() {
        // The graph's two three-word paths are laid on the same three positions for indexing.
        assertTokens(List.of(
                tok("revenues", 0, 0, 4, 1), tok("revs", 0, 0, 4, 1), tok("and", 1, 5, 8, 1), tok("and", 1, 5, 8, 1),
                tok("benefits", 2, 9, 13, 1), tok("bens", 2, 9, 13, 1), tok("team", 3, 14, 18, 1)),
            tokens(Tok.WHITESPACE, true, synonym("synonyms", SynonymGraphTokenFilterFactoryTest.LOCAL_GOVERNMENT),
                "revs and bens team"));
    }

    @Test
    void multiWordToSingleWord() {
        assertTokens(List.of(
                tok("councils", 0, 0, 8, 1), tok("share", 1, 9, 14, 1), tok("ict", 2, 15, 37, 2),
                tok("information", 2, 15, 26, 1), tok("technology", 3, 27, 37, 1)),
            tokens(Tok.WHITESPACE, true, synonym("synonyms", SynonymGraphTokenFilterFactoryTest.LOCAL_GOVERNMENT),
                "councils share information technology"));
    }

    @Test
    void docsExample() {
        // Elasticsearch reference, synonym token filter: "universe, cosmos" and "foo => foo bar, baz"
        SynonymTokenFilterFactory f = synonym("synonyms", List.of("universe, cosmos", "foo => foo bar", "foo => baz"));
        assertEquals(List.of("cosmos", "universe"), terms(f, "universe").stream().sorted().toList());
        assertEquals(List.of("bar", "baz", "foo"), terms(f, "foo").stream().sorted().toList());
    }

    @Test
    void expandFalse() {
        assertEquals(List.of("ipod"), terms(synonym("synonyms", List.of("ipod, i-pod, i pod"), "expand", false), "i-pod"));
    }

    @Test
    void malformedRuleNamesTheRuleUnlessLenient() {
        IllegalArgumentException e = FilterAsserts.rejected(() -> synonym("synonyms", List.of("x => y => z")));
        assertTrue(e.getMessage().contains("x => y => z"), e.getMessage());
        assertTrue(e.getMessage().contains("[synonyms]"), e.getMessage());
        assertEquals(List.of("x"), terms(synonym("synonyms", List.of("x => y => z"), "lenient", true), "x"));
    }
}
