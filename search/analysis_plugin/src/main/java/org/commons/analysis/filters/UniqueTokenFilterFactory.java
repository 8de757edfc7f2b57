package org.commons.analysis.filters;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/**
 * {@code unique}: removes duplicate tokens. With {@code only_on_same_position} true it is Lucene's
 * {@link RemoveDuplicatesTokenFilter} (duplicates at the same position only). With the default false,
 * every repeat of a term already seen in the stream is removed: Lucene has no such filter (Elasticsearch
 * ships its own {@code UniqueTokenFilter}), so this class has a small equivalent,
 * {@link UniqueFilter}, which like Elasticsearch's leaves the position increments of kept tokens as
 * they are.
 */
@NamedComponent("unique")
public class UniqueTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Config {
        @BooleanSetting(path = "only_on_same_position", defaultValue = false)
        boolean onlyOnSamePosition();
    }

    private final boolean onlyOnSamePosition;

    @Inject
    public UniqueTokenFilterFactory(Config config) {
        this.onlyOnSamePosition = config.onlyOnSamePosition();
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return onlyOnSamePosition ? new RemoveDuplicatesTokenFilter(tokenStream) : new UniqueFilter(tokenStream);
    }

    /** Drops every token whose term was already emitted earlier in the stream. */
    static final class UniqueFilter extends TokenFilter {
        private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
        private final CharArraySet seen = new CharArraySet(8, false);

        UniqueFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                char[] buffer = termAtt.buffer();
                int length = termAtt.length();
                if (seen.contains(buffer, 0, length) == false) {
                    char[] copy = new char[length];
                    System.arraycopy(buffer, 0, copy, 0, length);
                    seen.add(copy);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            seen.clear();
        }
    }
}
