package org.commons.analysis.charfilters;

import static org.commons.analysis.TokenStreams.read;
import static org.commons.analysis.TokenStreams.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.commons.analysis.TokenStreams.Token;
import org.junit.jupiter.api.Test;

class HtmlStripCharFilterFactoryTest {

    static HtmlStripCharFilterFactory fromSettings(List<String> escapedTags) {
        return new HtmlStripCharFilterFactory(() -> escapedTags);
    }

    @Test
    void referenceDocsExample() {
        // Elasticsearch reference, "HTML strip character filter"
        assertEquals("\nI'm so happy!\n",
                read(fromSettings(List.of()).create(new StringReader("<p>I&apos;m so <b>happy</b>!</p>"))));
    }

    @Test
    void referenceDocsEscapedTags() {
        // Elasticsearch reference: escaped_tags ["b"] keeps <b> and </b>
        assertEquals("\nI'm so <b>happy</b>!\n",
                read(fromSettings(List.of("b")).create(new StringReader("<p>I&apos;m so <b>happy</b>!</p>"))));
    }

    @Test
    void offsetsPointIntoTheOriginalHtml() {
        Tokenizer tokenizer = new WhitespaceTokenizer();
        String html = "<b>Council</b> tax &amp; bins";
        tokenizer.setReader(fromSettings(List.of()).create(new StringReader(html)));
        List<Token> t = tokens(tokenizer);
        assertEquals(List.of(
                // Lucene's HTMLStripCharFilter maps the token's end past the closing tag
                new Token("Council", 1, 3, 14, 0, 1),
                new Token("tax", 1, 15, 18, 1, 1),
                new Token("&", 1, 19, 24, 2, 1),
                new Token("bins", 1, 25, 29, 3, 1)), t);
        assertEquals("Council</b>", html.substring(3, 14));
        assertEquals("&amp;", html.substring(19, 24));
    }
}
