package org.commons.analysis.tokenizers;

import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;

/** {@code edge_ngram} tokenizer: n-grams anchored at the start of each token (settings: the base class). */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenizerFactory extends NGramTokenizerFactoryBase {

    @Inject
    public EdgeNGramTokenizerFactory(Settings settings) {
        super("edge_ngram", settings);
    }

    @Override
    Tokenizer tokenizer(int minGram, int maxGram, IntPredicate isTokenChar) {
        return new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return isTokenChar.test(chr);
            }
        };
    }
}
