package org.commons.analysis.tokenizers;

import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.commons.analysis.NGramRange;
import org.commons.analysis.NGramSizes;
import org.commons.analysis.Validated;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * What the {@code ngram} and {@code edge_ngram} tokenizers share: the settings {@code min_gram}
 * (default 1), {@code max_gram} (default 2) and {@code token_chars} (letter, digit, whitespace,
 * punctuation, symbol; empty keeps every character), and their checks. Public only because the
 * server builds the {@link Settings} interface it declares.
 */
public abstract class NGramTokenizerFactoryBase implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings extends NGramSizes {
        @ListSetting(path = "token_chars")
        List<String> tokenChars();
    }

    private record Params(NGramRange grams, Set<TokenChars> tokenChars) {}

    private final Validated<Params> params;

    NGramTokenizerFactoryBase(String name, Settings settings) {
        this.params = Validated.of(() -> new Params(
                NGramRange.checked("[" + name + "] tokenizer", settings),
                TokenChars.parse(settings.tokenChars())));
    }

    @Override
    public Tokenizer create() {
        Params p = params.get();
        Set<TokenChars> chars = p.tokenChars();
        return tokenizer(p.grams().minGram(), p.grams().maxGram(), c -> TokenChars.isTokenChar(chars, c));
    }

    /** Lucene's tokenizer for the range, keeping in a token only the characters that pass {@code isTokenChar}. */
    abstract Tokenizer tokenizer(int minGram, int maxGram, IntPredicate isTokenChar);
}
