package org.commons.analysis.filters;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code synonym}: the same settings as {@code synonym_graph} (inline {@code synonyms} in Solr format,
 * {@code expand}, {@code lenient}), producing a flat token stream suitable for indexing.
 *
 * <p>Elasticsearch implements this filter with Lucene's {@code SynonymFilter}, which Lucene has
 * deprecated. This plugin uses {@link SynonymGraphFilter} followed by {@link FlattenGraphFilter},
 * the replacement Lucene recommends for index-time synonyms: the output is a single linear chain of
 * positions with no side paths, like {@code SynonymFilter}'s (a single word standing for several may
 * still span them with a position length above 1), although multi-word synonyms may be laid on
 * positions slightly differently from {@code SynonymFilter}.
 */
@NamedComponent("synonym")
public class SynonymTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Config {
        @ListSetting(path = "synonyms")
        List<String> synonyms();

        @BooleanSetting(path = "expand", defaultValue = true)
        boolean expand();

        @BooleanSetting(path = "lenient", defaultValue = false)
        boolean lenient();
    }

    private final SynonymMap map;
    private final IllegalArgumentException invalid;

    @Inject
    public SynonymTokenFilterFactory(Config config) {
        SynonymMap parsed = null;
        IllegalArgumentException error = null;
        try {
            parsed = Synonyms.parse("synonym", config.synonyms(), config.expand(), config.lenient());
        } catch (IllegalArgumentException e) {
            error = e; // thrown from create(): see Settings
        }
        this.map = parsed;
        this.invalid = error;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        Settings.rethrow(invalid);
        return map.fst == null ? tokenStream : new FlattenGraphFilter(new SynonymGraphFilter(tokenStream, map, false));
    }
}
