package org.commons.analysis.tokenizers;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.commons.analysis.Validated;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/**
 * {@code keyword} tokenizer: the whole input as one token ({@code buffer_size}, default 256, is only
 * the initial buffer). The integ-test server lacks it too (it lives in analysis-common).
 */
@NamedComponent("keyword")
public class KeywordTokenizerFactory implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "buffer_size", defaultValue = KeywordTokenizer.DEFAULT_BUFFER_SIZE)
        int bufferSize();
    }

    private final Validated<Integer> bufferSize;

    @Inject
    public KeywordTokenizerFactory(Settings settings) {
        int size = settings.bufferSize();
        this.bufferSize = Validated.of(() -> {
            if (size <= 0) {
                throw new IllegalArgumentException("[buffer_size] must be > 0, got buffer_size=" + size);
            }
            return size;
        });
    }

    @Override
    public Tokenizer create() {
        return new KeywordTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, bufferSize.get());
    }
}
