package org.commons.analysis.filters;

import static org.commons.analysis.filters.FilterAsserts.assertTokens;
import static org.commons.analysis.filters.FilterAsserts.terms;
import static org.commons.analysis.filters.FilterAsserts.tok;
import static org.commons.analysis.filters.FilterAsserts.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.commons.analysis.filters.FilterAsserts.Tok;
import org.junit.jupiter.api.Test;

class PorterAndKStemTokenFilterFactoryTest {

    @Test
    void porterStemDocsExample() {
        // Elasticsearch reference, Porter stem token filter: "the foxes jumping quickly"
        assertEquals(List.of("the", "fox", "jump", "quickli"),
            terms(Tok.STANDARD, false, new PorterStemTokenFilterFactory(), "the foxes jumping quickly"));
    }

    @Test
    void porterStemPositionsAndOffsets() {
        assertTokens(List.of(tok("council", 0, 0, 8, 1), tok("share", 1, 9, 16, 1), tok("servic", 2, 17, 25, 1)),
            tokens(new PorterStemTokenFilterFactory(), "councils sharing services"));
    }

    @Test
    void kstemDocsExample() {
        // Elasticsearch reference, KStem token filter: "the foxes jumping quickly"
        assertEquals(List.of("the", "fox", "jump", "quick"),
            terms(Tok.STANDARD, false, new KStemTokenFilterFactory(), "the foxes jumping quickly"));
    }

    @Test
    void kstemPositionsAndOffsets() {
        assertTokens(List.of(tok("council", 0, 0, 8, 1), tok("share", 1, 9, 16, 1), tok("service", 2, 17, 25, 1)),
            tokens(new KStemTokenFilterFactory(), "councils sharing services"));
    }
}
