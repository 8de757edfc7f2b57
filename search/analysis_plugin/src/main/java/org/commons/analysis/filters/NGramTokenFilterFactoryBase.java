package org.commons.analysis.filters;

import org.apache.lucene.analysis.TokenStream;
import org.commons.analysis.NGramRange;
import org.commons.analysis.NGramSizes;
import org.commons.analysis.Validated;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/**
 * What the {@code ngram} and {@code edge_ngram} token filters share: the settings {@code min_gram}
 * (default 1), {@code max_gram} (default 2) and {@code preserve_original} (default false), and their
 * checks. Public only because the server builds the {@link Config} interface it declares.
 *
 * <p>Elasticsearch also limits {@code max_gram - min_gram} by {@code index.max_ngram_diff}
 * (default 1); the plugin cannot read index settings, so on a full distribution set it for wide
 * ranges, as Wagtail does.
 */
public abstract class NGramTokenFilterFactoryBase implements TokenFilterFactory {

    @AnalysisSettings
    public interface Config extends NGramSizes {
        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    private final Validated<NGramRange> grams;
    private final boolean preserveOriginal;

    NGramTokenFilterFactoryBase(String name, Config config) {
        this.grams = Validated.of(() -> NGramRange.checked("[" + name + "] token filter", config));
        this.preserveOriginal = config.preserveOriginal();
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        NGramRange g = grams.get();
        return filter(tokenStream, g.minGram(), g.maxGram(), preserveOriginal);
    }

    abstract TokenStream filter(TokenStream in, int minGram, int maxGram, boolean preserveOriginal);
}
