package org.commons.analysis.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.commons.analysis.TokenStreams;
import org.commons.analysis.TokenStreams.Token;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Runs a factory's filter behind a tokenizer (and optional lowercase) and compares tokens. */
final class FilterAsserts {
    private FilterAsserts() {}

    enum Tok { WHITESPACE, STANDARD }

    static Analyzer analyzer(Tok tok, boolean lowercase, TokenFilterFactory factory) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = switch (tok) {
                    case WHITESPACE -> new WhitespaceTokenizer();
                    case STANDARD -> new StandardTokenizer();
                };
                TokenStream ts = lowercase ? new LowerCaseFilter(tokenizer) : tokenizer;
                return new TokenStreamComponents(tokenizer, factory.create(ts));
            }
        };
    }

    static List<Token> tokens(Tok tok, boolean lowercase, TokenFilterFactory factory, String text) {
        try (Analyzer a = analyzer(tok, lowercase, factory)) {
            return TokenStreams.tokens(a, text);
        }
    }

    static List<String> terms(Tok tok, boolean lowercase, TokenFilterFactory factory, String text) {
        return tokens(tok, lowercase, factory, text).stream().map(Token::term).toList();
    }

    /** Whitespace tokenizer, no lowercase. */
    static List<String> terms(TokenFilterFactory factory, String text) {
        return terms(Tok.WHITESPACE, false, factory, text);
    }

    static List<Token> tokens(TokenFilterFactory factory, String text) {
        return tokens(Tok.WHITESPACE, false, factory, text);
    }

    /**
     * A factory with a bad setting: building it must succeed (Elasticsearch would turn a constructor
     * exception into a 500), and its first {@code create} must throw the {@link IllegalArgumentException}
     * (a 400 on index creation). Returns that exception for the message checks.
     */
    static IllegalArgumentException rejected(java.util.function.Supplier<TokenFilterFactory> factory) {
        TokenFilterFactory built = factory.get();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> tokens(built, "some text"));
        // every create() keeps failing, not just the first
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> tokens(built, "again"));
        return e;
    }

    /** Token as term, absolute position, start, end, position length. */
    static Token tok(String term, int position, int start, int end, int posLength) {
        return new Token(term, -1, start, end, position, posLength);
    }

    /** Compares everything but the raw position increment (the absolute position covers it). */
    static void assertTokens(List<Token> expected, List<Token> actual) {
        assertEquals(render(expected), render(actual));
    }

    static List<String> render(List<Token> tokens) {
        return tokens.stream()
            .map(t -> t.term() + "@" + t.position() + " " + t.start() + "-" + t.end() + " len=" + t.posLength())
            .toList();
    }
}
