package org.commons.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Tiny replacement for Lucene's test framework: runs a {@link TokenStream} through its whole
 * reset / incrementToken / end / close cycle and collects what it produced.
 */
public final class TokenStreams {

    /** One emitted token. {@code position} is absolute (first token is 0), like {@code _analyze}. */
    public record Token(String term, int posInc, int start, int end, int position, int posLength) {
        @Override
        public String toString() {
            return term + "[+" + posInc + " @" + position + " " + start + "-" + end
                    + (posLength != 1 ? " len=" + posLength : "") + "]";
        }
    }

    private TokenStreams() {}

    /** Consumes (and closes) the stream, returning every token. */
    public static List<Token> tokens(TokenStream stream) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = stream) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionLengthAttribute posLen = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += posInc.getPositionIncrement();
                out.add(new Token(term.toString(), posInc.getPositionIncrement(),
                        offset.startOffset(), offset.endOffset(), position, posLen.getPositionLength()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The terms only, in order. */
    public static List<String> terms(TokenStream stream) {
        return tokens(stream).stream().map(Token::term).toList();
    }

    /** Terms of {@code text} run through a tokenizer. */
    public static List<String> terms(Tokenizer tokenizer, String text) {
        return terms(tokenize(tokenizer, text));
    }

    /** Terms of {@code text} run through an analyzer. */
    public static List<String> terms(Analyzer analyzer, String text) {
        return terms(analyzer.tokenStream("field", text));
    }

    /** Tokens of {@code text} run through an analyzer. */
    public static List<Token> tokens(Analyzer analyzer, String text) {
        return tokens(analyzer.tokenStream("field", text));
    }

    /** Sets the tokenizer's input; the caller then consumes it with {@link #tokens} or {@link #terms}. */
    public static Tokenizer tokenize(Tokenizer tokenizer, String text) {
        tokenizer.setReader(new StringReader(text));
        return tokenizer;
    }

    /** {@code text} split on whitespace (Lucene's WhitespaceTokenizer), for feeding token filters. */
    public static Tokenizer whitespace(String text) {
        return tokenize(new WhitespaceTokenizer(), text);
    }

    /** Terms of a token filter applied to {@code text} split on whitespace. */
    public static List<String> filterTerms(Function<TokenStream, TokenStream> filter, String text) {
        return terms(filter.apply(whitespace(text)));
    }

    /** Tokens of a token filter applied to {@code text} split on whitespace. */
    public static List<Token> filterTokens(Function<TokenStream, TokenStream> filter, String text) {
        return tokens(filter.apply(whitespace(text)));
    }

    /** Reads a whole Reader (e.g. a char filter's output) into a String. */
    public static String read(Reader reader) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1024];
        try (Reader r = reader) {
            int n;
            while ((n = r.read(buf)) != -1) {
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
