package org.commons.analysis.filters;

import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code kstem}: Lucene's {@link KStemFilter}, the KStem (Krovetz) stemmer. It has no settings. */
@NamedComponent("kstem")
public class KStemTokenFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new KStemFilter(tokenStream);
    }
}
