package org.commons.analysis.tokenizers;

import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;

/** {@code ngram} tokenizer: every n-gram of each run of token characters (settings: the base class). */
@NamedComponent("ngram")
public class NGramTokenizerFactory extends NGramTokenizerFactoryBase {

    @Inject
    public NGramTokenizerFactory(Settings settings) {
        super("ngram", settings);
    }

    @Override
    Tokenizer tokenizer(int minGram, int maxGram, IntPredicate isTokenChar) {
        return new NGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return isTokenChar.test(chr);
            }
        };
    }
}
