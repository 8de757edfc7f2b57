package org.commons.analysis.tokenizers;

import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.commons.analysis.Validated;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code ngram} tokenizer: {@code min_gram} (default 1), {@code max_gram} (default 2) and
 * {@code token_chars} (letter, digit, whitespace, punctuation, symbol; empty keeps all characters).
 * The server's own {@code index.max_ngram_diff} check is not repeated here.
 */
@NamedComponent("ngram")
public class NGramTokenizerFactory implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "min_gram", defaultValue = NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE)
        int maxGram();

        @ListSetting(path = "token_chars")
        List<String> tokenChars();
    }

    private record Params(int minGram, int maxGram, Set<TokenChars> tokenChars) {}

    private final Validated<Params> params;

    @Inject
    public NGramTokenizerFactory(Settings settings) {
        this(settings.minGram(), settings.maxGram(), settings.tokenChars());
    }

    // package-private: Elasticsearch requires exactly one public constructor (the @Inject one)
    NGramTokenizerFactory(int minGram, int maxGram, List<String> tokenChars) {
        this.params = Validated.of(() -> {
            NGramSettings.validate(minGram, maxGram);
            return new Params(minGram, maxGram, TokenChars.parse(tokenChars));
        });
    }

    @Override
    public Tokenizer create() {
        Params p = params.get();
        if (p.tokenChars().isEmpty()) {
            return new NGramTokenizer(p.minGram(), p.maxGram());
        }
        Set<TokenChars> chars = p.tokenChars();
        return new NGramTokenizer(p.minGram(), p.maxGram()) {
            @Override
            protected boolean isTokenChar(int chr) {
                return TokenChars.isTokenChar(chars, chr);
            }
        };
    }
}
