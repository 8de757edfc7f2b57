package org.commons.analysis.filters;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;

/**
 * {@code edge_ngram}: Lucene's {@link EdgeNGramTokenFilter} (n-grams from the start of each token),
 * with {@code min_gram} (default 1), {@code max_gram} (default 2) and {@code preserve_original}
 * (default false). {@code min_gram} must be at least 1 and at most {@code max_gram}. The deprecated
 * {@code side} setting is not supported (front only).
 *
 * <p>Note: on a full distribution the bare pre-built name {@code "edge_ngram"} in a filter list uses
 * {@code max_gram} 1, while a custom filter of type {@code edge_ngram} defaults to 2. This plugin
 * always uses Elasticsearch's custom-filter defaults (1 and 2), so give {@code min_gram} and
 * {@code max_gram} explicitly in a custom filter, as Commons does.
 */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenFilterFactory implements TokenFilterFactory {

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
    public EdgeNGramTokenFilterFactory(Config config) {
        this.minGram = config.minGram();
        this.maxGram = config.maxGram();
        this.preserveOriginal = config.preserveOriginal();
        IllegalArgumentException error = null;
        try {
            Settings.checkGrams("edge_ngram", minGram, maxGram);
        } catch (IllegalArgumentException e) {
            error = e; // thrown from create(): see Settings
        }
        this.invalid = error;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        Settings.rethrow(invalid);
        return new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }
}
