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

class WordDelimiterGraphTokenFilterFactoryTest {

    private static WordDelimiterGraphTokenFilterFactory wdg(Object... settings) {
        return new WordDelimiterGraphTokenFilterFactory(
            Configs.of(WordDelimiterGraphTokenFilterFactory.Config.class, settings));
    }

    @Test
    void docsExampleDefaults() {
        // Elasticsearch reference, word delimiter graph token filter, keyword tokenizer
        assertEquals(List.of("Neil", "Super", "Duper", "XL", "500", "42", "Auto", "Coder"),
            terms(Tok.KEYWORD, false, wdg(), "Neil's-Super-Duper-XL500--42+AutoCoder"));
    }

    @Test
    void docsRuleExamples() {
        assertEquals(List.of("Super", "Duper"), terms(Tok.KEYWORD, false, wdg(), "Super-Duper"));
        assertEquals(List.of("XL", "42", "Autocoder"), terms(Tok.KEYWORD, false, wdg(), "XL---42+'Autocoder'"));
        assertEquals(List.of("Power", "Shot"), terms(Tok.KEYWORD, false, wdg(), "PowerShot"));
        assertEquals(List.of("XL", "500"), terms(Tok.KEYWORD, false, wdg(), "XL500"));
        assertEquals(List.of("Neil"), terms(Tok.KEYWORD, false, wdg(), "Neil's"));
    }

    @Test
    void docsParameterExamples() {
        // Elasticsearch reference, parameter descriptions of word_delimiter(_graph)
        assertEquals(List.of("hello", "there", "dude"), terms(Tok.KEYWORD, false, wdg(), "//hello---there, _dude_"));
        assertEquals(List.of("O", "Neil"), terms(Tok.KEYWORD, false, wdg(), "O'Neil's"));
        assertEquals(List.of("j", "2", "se"), terms(wdg(), "j2se"));
        assertEquals(List.of("50042", "500", "42"), terms(wdg("catenate_numbers", true), "500-42"));
        assertEquals(List.of("500-42", "500", "42"), terms(wdg("preserve_original", true), "500-42"));
        assertTrue(terms(wdg("catenate_all", true), "wi-fi-4000").contains("wifi4000"));
        assertTrue(terms(wdg("catenate_words", true), "wi-fi").contains("wifi"));
    }

    @Test
    void positionsAndOffsets() {
        assertTokens(List.of(tok("Wi", 0, 0, 2, 1), tok("Fi", 1, 3, 5, 1), tok("hub", 2, 6, 9, 1)),
            tokens(wdg(), "Wi-Fi hub"));
    }

    @Test
    void catenateWordsMakesAGraph() {
        // Elasticsearch reference: catenate_words on "the wi-fi is enabled" gives wifi spanning wi and fi
        assertTokens(List.of(
                tok("the", 0, 0, 3, 1), tok("wifi", 1, 4, 9, 2), tok("wi", 1, 4, 6, 1), tok("fi", 2, 7, 9, 1),
                tok("is", 3, 10, 12, 1), tok("enabled", 4, 13, 20, 1)),
            tokens(wdg("catenate_words", true), "the wi-fi is enabled"));
    }

    @Test
    void catenateNumbersAndAll() {
        assertEquals(List.of("01234", "01", "234"), terms(wdg("catenate_numbers", true), "01-234"));
        assertEquals(List.of("XL500", "XL", "500"), terms(wdg("catenate_all", true), "XL-500"));
    }

    @Test
    void preserveOriginal() {
        assertEquals(List.of("Super-Duper", "Super", "Duper"), terms(wdg("preserve_original", true), "Super-Duper"));
    }

    @Test
    void switchesOff() {
        assertEquals(List.of("PowerShot"), terms(wdg("split_on_case_change", false), "PowerShot"));
        assertEquals(List.of("XL500"), terms(wdg("split_on_numerics", false), "XL500"));
        assertEquals(List.of("Neil", "s"), terms(wdg("stem_english_possessive", false), "Neil's"));
        assertEquals(List.of("500"), terms(wdg("generate_word_parts", false), "XL-500"));
        assertEquals(List.of("XL"), terms(wdg("generate_number_parts", false), "XL-500"));
    }

    @Test
    void protectedWords() {
        assertEquals(List.of("Wi-Fi", "Super", "Duper"), terms(wdg("protected_words", List.of("Wi-Fi")), "Wi-Fi Super-Duper"));
    }
}
