package org.commons.analysis.tokenizers;

import static org.commons.analysis.TokenStreams.tokenize;
import static org.commons.analysis.TokenStreams.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.commons.analysis.TokenStreams.Token;
import org.junit.jupiter.api.Test;

class KeywordTokenizerFactoryTest {

    @Test
    void referenceDocsExample() {
        // Elasticsearch reference, "Keyword tokenizer": the whole text is one token
        List<Token> t = tokens(tokenize(new KeywordTokenizerFactory(() -> 256).create(), "New York"));
        assertEquals(List.of(new Token("New York", 1, 0, 8, 0, 1)), t);
    }

    @Test
    void longerThanTheBufferIsStillOneToken() {
        String text = "x".repeat(1000);
        assertEquals(List.of(new Token(text, 1, 0, 1000, 0, 1)),
                tokens(tokenize(new KeywordTokenizerFactory(() -> 16).create(), text)));
    }

    @Test
    void badBufferSize() {
        var e = assertThrows(IllegalArgumentException.class, () -> new KeywordTokenizerFactory(() -> 0).create());
        assertEquals("[buffer_size] must be > 0, got buffer_size=0", e.getMessage());
    }
}
