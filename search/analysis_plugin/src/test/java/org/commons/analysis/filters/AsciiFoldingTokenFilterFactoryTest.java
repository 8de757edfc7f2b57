package org.commons.analysis.filters;

import static org.commons.analysis.filters.FilterAsserts.assertTokens;
import static org.commons.analysis.filters.FilterAsserts.terms;
import static org.commons.analysis.filters.FilterAsserts.tok;
import static org.commons.analysis.filters.FilterAsserts.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.commons.analysis.TokenStreams;
import org.commons.analysis.filters.FilterAsserts.Tok;
import org.junit.jupiter.api.Test;

class AsciiFoldingTokenFilterFactoryTest {

    private static AsciiFoldingTokenFilterFactory factory(Object... settings) {
        return new AsciiFoldingTokenFilterFactory(Configs.of(AsciiFoldingTokenFilterFactory.Config.class, settings));
    }

    @Test
    void foldsWithPositionsAndOffsets() {
        assertTokens(List.of(tok("Cafe", 0, 0, 4, 1), tok("creme", 1, 5, 10, 1), tok("brulee", 2, 11, 17, 1)),
            tokens(factory(), "Café crème brûlée"));
    }

    @Test
    void docsExample() {
        // Elasticsearch reference, ASCII folding token filter: "açaí à la carte"
        assertEquals(List.of("acai", "a", "la", "carte"), terms(Tok.STANDARD, false, factory(), "açaí à la carte"));
    }

    @Test
    void docsExamplePreserveOriginal() {
        // The docs' example text with the docs' custom filter ("preserve_original": true): original after folded
        assertEquals(List.of("acai", "açaí", "a", "à", "la", "carte"),
            terms(Tok.STANDARD, false, factory("preserve_original", true), "açaí à la carte"));
    }

    @Test
    void preservedOriginalSharesThePosition() {
        assertTokens(List.of(tok("Cafe", 0, 0, 4, 1), tok("Café", 0, 0, 4, 1), tok("au", 1, 5, 7, 1)),
            tokens(factory("preserve_original", true), "Café au"));
    }

    @Test
    void normalizeFoldsWithoutPreservingTheOriginal() {
        KeywordTokenizer keyword = new KeywordTokenizer();
        TokenStreams.tokenize(keyword, "crème");
        assertEquals(List.of("creme"), TokenStreams.terms(factory("preserve_original", true).normalize(keyword)));
    }
}
