package org.commons.analysis.analyzers;

import static org.commons.analysis.TokenStreams.terms;
import static org.commons.analysis.TokenStreams.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.commons.analysis.TokenStreams.Token;
import org.junit.jupiter.api.Test;

class EnglishAnalyzerFactoryTest {

    static Analyzer english(List<String> stopwords, List<String> stemExclusion) {
        return new EnglishAnalyzerFactory(new EnglishAnalyzerFactory.Settings() {
            public List<String> stopwords() { return stopwords; }
            public List<String> stemExclusion() { return stemExclusion; }
        }).create();
    }

    @Test
    void issueExample() {
        // Commons issue 7: _analyze {"analyzer": "english", "text": "Councils sharing services"}
        List<Token> t = tokens(english(List.of(), List.of()), "Councils sharing services");
        assertEquals(List.of(
                new Token("council", 1, 0, 8, 0, 1),
                new Token("share", 1, 9, 16, 1, 1),
                new Token("servic", 1, 17, 25, 2, 1)), t);
    }

    @Test
    void defaultStopWordsKeepPositionGaps() {
        List<Token> t = tokens(english(List.of(), List.of()), "The 2 QUICK Brown-Foxes jumped over the lazy dog's bone.");
        assertEquals(List.of("2", "quick", "brown", "fox", "jump", "over", "lazi", "dog", "bone"),
                t.stream().map(Token::term).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 8, 9, 10), t.stream().map(Token::position).toList());
        assertEquals(2, t.get(0).posInc()); // "The" removed before it
    }

    @Test
    void stemExclusion() {
        assertEquals(List.of("council", "sharing", "servic"),
                terms(english(List.of(), List.of("sharing")), "Councils sharing services"));
    }

    @Test
    void customStopwords() {
        assertEquals(List.of("the", "council"), terms(english(List.of("a", "of"), List.of()), "The council of a"));
        assertEquals(List.of("the", "council", "of"), terms(english(List.of("_none_"), List.of()), "The council of"));
        assertEquals(List.of("council"), terms(english(List.of("_english_"), List.of()), "The council of"));
    }

    @Test
    void unsupportedPredefinedStopwords() {
        var e = assertThrows(IllegalArgumentException.class, () -> english(List.of("_french_"), List.of()));
        assertEquals("[stopwords] unsupported predefined list [_french_]: the english analyzer supports "
                + "_english_ and _none_", e.getMessage());
    }
}
