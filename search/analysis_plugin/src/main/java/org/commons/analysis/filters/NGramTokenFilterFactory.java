package org.commons.analysis.filters;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;

/**
 * {@code ngram}: Lucene's {@link NGramTokenFilter}, with {@code min_gram} (default 1), {@code max_gram}
 * (default 2) and {@code preserve_original} (default false). {@code min_gram} must be at least 1 and at
 * most {@code max_gram}.
 *
 * <p>Elasticsearch also limits {@code max_gram - min_gram} by the index setting
 * {@code index.max_ngram_diff} (default 1). The stable plugin API gives a token filter no index
 * settings, so this plugin does not apply that limit; on a full distribution, set
 * {@code index.max_ngram_diff} for wide ranges, as Wagtail does.
 */
@NamedComponent("ngram")
public class NGramTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Config {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();

        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;
    private final IllegalArgumentException invalid;

    @Inject
    public NGramTokenFilterFactory(Config config) {
        this.minGram = config.minGram();
        this.maxGram = config.maxGram();
        this.preserveOriginal = config.preserveOriginal();
        IllegalArgumentException error = null;
        try {
            Settings.checkGrams("ngram", minGram, maxGram);
        } catch (IllegalArgumentException e) {
            error = e; // thrown from create(): see Settings
        }
        this.invalid = error;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        Settings.rethrow(invalid);
        return new NGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }
}
