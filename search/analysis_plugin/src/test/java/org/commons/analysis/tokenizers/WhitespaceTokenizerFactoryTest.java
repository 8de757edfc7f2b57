package org.commons.analysis.tokenizers;

import static org.commons.analysis.TokenStreams.terms;
import static org.commons.analysis.TokenStreams.tokenize;
import static org.commons.analysis.TokenStreams.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.commons.analysis.TokenStreams.Token;
import org.junit.jupiter.api.Test;

class WhitespaceTokenizerFactoryTest {

    private static WhitespaceTokenizerFactory fromSettings(int maxTokenLength) {
        return new WhitespaceTokenizerFactory(() -> maxTokenLength);
    }

    @Test
    void referenceDocsExample() {
        // Elasticsearch reference, "Whitespace tokenizer"
        String text = "The 2 QUICK Brown-Foxes jumped over the lazy dog's bone.";
        assertEquals(List.of("The", "2", "QUICK", "Brown-Foxes", "jumped", "over", "the", "lazy", "dog's", "bone."),
                terms(new WhitespaceTokenizerFactory(255).create(), text));
    }

    @Test
    void positionsAndOffsets() {
        List<Token> t = tokens(tokenize(fromSettings(255).create(), "  Councils\tsharing\nICT  "));
        assertEquals(List.of(
                new Token("Councils", 1, 2, 10, 0, 1),
                new Token("sharing", 1, 11, 18, 1, 1),
                new Token("ICT", 1, 19, 22, 2, 1)), t);
    }

    @Test
    void maxTokenLengthSplitsLongTokens() {
        // Elasticsearch reference: max_token_length 5 splits at that length
        assertEquals(List.of("The", "2", "QUICK", "Brown", "-Foxe", "s", "jumpe", "d", "over"),
                terms(fromSettings(5).create(), "The 2 QUICK Brown-Foxes jumped over"));
        assertEquals(List.of("abcdefghij", "k"), terms(fromSettings(10).create(), "abcdefghijk"));
    }

    @Test
    void defaultMaxTokenLengthIs255() throws Exception {
        var m = WhitespaceTokenizerFactory.Settings.class.getMethod("maxTokenLength");
        assertEquals(255, m.getAnnotation(org.elasticsearch.plugin.settings.IntSetting.class).defaultValue());
        assertEquals("max_token_length", m.getAnnotation(org.elasticsearch.plugin.settings.IntSetting.class).path());
        String longWord = "x".repeat(300);
        assertEquals(List.of("x".repeat(255), "x".repeat(45)), terms(fromSettings(255).create(), longWord));
    }

    @Test
    void badMaxTokenLength() {
        var e = assertThrows(IllegalArgumentException.class, () -> fromSettings(0).create());
        assertEquals("[max_token_length] must be between 1 and 1048576, got max_token_length=0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fromSettings(2 * 1024 * 1024).create());
    }
}
