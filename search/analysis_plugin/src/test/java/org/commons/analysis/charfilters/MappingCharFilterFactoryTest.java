package org.commons.analysis.charfilters;

import static org.commons.analysis.TokenStreams.read;
import static org.commons.analysis.TokenStreams.terms;
import static org.commons.analysis.TokenStreams.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.commons.analysis.TokenStreams.Token;
import org.junit.jupiter.api.Test;

class MappingCharFilterFactoryTest {

    static MappingCharFilterFactory fromSettings(List<String> mappings) {
        return new MappingCharFilterFactory(() -> mappings);
    }

    static String apply(MappingCharFilterFactory f, String text) {
        return read(f.create(new StringReader(text)));
    }

    @Test
    void referenceDocsHinduArabicNumerals() {
        // Elasticsearch reference, "Mapping character filter"
        MappingCharFilterFactory f = fromSettings(List.of(
                "٠ => 0", "١ => 1", "٢ => 2", "٣ => 3", "٤ => 4",
                "٥ => 5", "٦ => 6", "٧ => 7", "٨ => 8", "٩ => 9"));
        assertEquals("My license plate is 25015", apply(f, "My license plate is ٢٥٠١٥"));
    }

    @Test
    void referenceDocsEmoticons() {
        // Elasticsearch reference: ":) => _happy_", ":( => _sad_" with the standard tokenizer
        MappingCharFilterFactory f = fromSettings(List.of(":) => _happy_", ":( => _sad_"));
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(f.create(new StringReader("I'm delighted about it :(")));
        assertEquals(List.of("I'm", "delighted", "about", "it", "_sad_"), terms(tokenizer));
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        MappingCharFilterFactory f = fromSettings(List.of("& => and"));
        Tokenizer tokenizer = new WhitespaceTokenizer();
        tokenizer.setReader(f.create(new StringReader("bins & recycling")));
        List<Token> t = tokens(tokenizer);
        assertEquals(List.of(
                new Token("bins", 1, 0, 4, 0, 1),
                new Token("and", 1, 5, 6, 1, 1),
                new Token("recycling", 1, 7, 16, 2, 1)), t);
    }

    @Test
    void escapesAndLongestMatch() {
        MappingCharFilterFactory f = fromSettings(List.of("\\u00e9 => e", "ph => f", "p => P", "\\t => \\u0020"));
        assertEquals("cafe fone Pa", apply(f, "café\tphone pa"));
        // an empty replacement deletes
        assertEquals("abc", apply(fromSettings(List.of("- =>")), "a-b-c"));
    }

    @Test
    void malformedRuleNamesTheLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> apply(fromSettings(List.of("a => b", "c -> d")), ""));
        assertEquals("[mappings] invalid mapping rule [c -> d]: expected \"key => value\"", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> apply(fromSettings(List.of(" => x")), ""));
        assertEquals("[mappings] invalid mapping rule [ => x]: the key (left of \"=>\") is empty", e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> apply(fromSettings(List.of("\\u12 => x")), ""));
        assertEquals("[mappings] invalid mapping rule [\\u12 => x]: \\u must be followed by 4 hex digits",
                e3.getMessage());
    }

    @Test
    void noMappingsPassesTextThrough() {
        // must not throw: Elasticsearch builds every component with empty settings on index creation
        assertEquals("a => b", apply(fromSettings(List.of()), "a => b"));
    }
}
