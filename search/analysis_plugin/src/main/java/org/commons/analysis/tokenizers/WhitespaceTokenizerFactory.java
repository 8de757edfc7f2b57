package org.commons.analysis.tokenizers;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.commons.analysis.Validated;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/**
 * {@code whitespace} tokenizer: splits on whitespace, tokens longer than {@code max_token_length}
 * (default 255) are split at that length, as in Elasticsearch's analysis-common.
 */
@NamedComponent("whitespace")
public class WhitespaceTokenizerFactory implements TokenizerFactory {

    /** Lucene's hard upper bound for the whitespace tokenizer's token length. */
    static final int MAX_ALLOWED = 1024 * 1024;

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "max_token_length", defaultValue = StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH)
        int maxTokenLength();
    }

    private final Validated<Integer> maxTokenLength;

    @Inject
    public WhitespaceTokenizerFactory(Settings settings) {
        this(settings.maxTokenLength());
    }

    // package-private: Elasticsearch requires exactly one public constructor (the @Inject one)
    WhitespaceTokenizerFactory(int maxTokenLength) {
        this.maxTokenLength = Validated.of(() -> {
            if (maxTokenLength <= 0 || maxTokenLength > MAX_ALLOWED) {
                throw new IllegalArgumentException("[max_token_length] must be between 1 and " + MAX_ALLOWED
                        + ", got max_token_length=" + maxTokenLength);
            }
            return maxTokenLength;
        });
    }

    @Override
    public Tokenizer create() {
        return new WhitespaceTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, maxTokenLength.get());
    }
}
