package org.commons.analysis.filters;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;

/** {@code ngram}: Lucene's {@link NGramTokenFilter} (settings: the base class). */
@NamedComponent("ngram")
public class NGramTokenFilterFactory extends NGramTokenFilterFactoryBase {

    @Inject
    public NGramTokenFilterFactory(Config config) {
        super("ngram", config);
    }

    @Override
    TokenStream filter(TokenStream in, int minGram, int maxGram, boolean preserveOriginal) {
        return new NGramTokenFilter(in, minGram, maxGram, preserveOriginal);
    }
}
