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

class StemmerTokenFilterFactoryTest {

    private static StemmerTokenFilterFactory stemmer(Object... settings) {
        return new StemmerTokenFilterFactory(Configs.of(StemmerTokenFilterFactory.Config.class, settings));
    }

    @Test
    void docsExampleEnglish() {
        // Elasticsearch reference, stemmer token filter: "the foxes jumping quickly" with the default (porter)
        assertEquals(List.of("the", "fox", "jump", "quickli"),
            terms(Tok.STANDARD, false, stemmer(), "the foxes jumping quickly"));
        assertEquals(List.of("the", "fox", "jump", "quickli"),
            terms(Tok.STANDARD, false, stemmer("language", "english"), "the foxes jumping quickly"));
    }

    @Test
    void positionsAndOffsetsAreKept() {
        assertTokens(List.of(tok("council", 0, 0, 8, 1), tok("share", 1, 9, 16, 1), tok("servic", 2, 17, 25, 1)),
            tokens(stemmer("language", "english"), "councils sharing services"));
    }

    @Test
    void porter() {
        assertEquals(List.of("council", "share", "servic"), terms(stemmer("language", "porter"), "councils sharing services"));
    }

    @Test
    void lightEnglishIsKStem() {
        assertEquals(List.of("the", "fox", "jump", "quick"),
            terms(stemmer("language", "light_english"), "the foxes jumping quickly"));
    }

    @Test
    void minimalEnglishOnlyRemovesPlurals() {
        assertEquals(List.of("council", "policy", "sharing", "foxe"),
            terms(stemmer("language", "minimal_english"), "councils policies sharing foxes"));
    }

    @Test
    void possessiveEnglish() {
        assertEquals(List.of("council", "plans"), terms(stemmer("language", "possessive_english"), "council's plans"));
    }

    @Test
    void nameIsAnAliasOfLanguage() {
        assertEquals(List.of("the", "fox", "jump", "quick"),
            terms(stemmer("name", "light_english"), "the foxes jumping quickly"));
    }

    @Test
    void languageIsCaseInsensitive() {
        assertEquals(List.of("jump"), terms(stemmer("language", "English"), "jumping"));
    }

    @Test
    void unknownLanguageNamesSettingAndValue() {
        IllegalArgumentException e = FilterAsserts.rejected(() -> stemmer("language", "klingon"));
        assertTrue(e.getMessage().contains("[language]"), e.getMessage());
        assertTrue(e.getMessage().contains("language=klingon"), e.getMessage());
    }

    @Test
    void unknownNameNamesTheNameSetting() {
        IllegalArgumentException e = FilterAsserts.rejected(() -> stemmer("name", "german"));
        assertTrue(e.getMessage().contains("name=german"), e.getMessage());
    }
}
