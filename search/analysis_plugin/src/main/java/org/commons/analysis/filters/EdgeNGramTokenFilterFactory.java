package org.commons.analysis.filters;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;

/**
 * {@code edge_ngram}: Lucene's {@link EdgeNGramTokenFilter}, n-grams from the start of each token
 * (settings: the base class). The deprecated {@code side} setting is not supported (front only).
 *
 * <p>On a full distribution the bare pre-built name {@code "edge_ngram"} in a filter list uses
 * {@code max_gram} 1, while a custom filter of type {@code edge_ngram} defaults to 2. This plugin
 * always uses the custom-filter defaults, so give {@code min_gram} and {@code max_gram} explicitly,
 * as Commons does.
 */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenFilterFactory extends NGramTokenFilterFactoryBase {

    @Inject
    public EdgeNGramTokenFilterFactory(Config config) {
        super("edge_ngram", config);
    }

    @Override
    TokenStream filter(TokenStream in, int minGram, int maxGram, boolean preserveOriginal) {
        return new EdgeNGramTokenFilter(in, minGram, maxGram, preserveOriginal);
    }
}
