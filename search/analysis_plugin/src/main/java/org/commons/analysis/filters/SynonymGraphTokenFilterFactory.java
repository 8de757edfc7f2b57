package org.commons.analysis.filters;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code synonym_graph}: Lucene's {@link SynonymGraphFilter} over an inline {@code synonyms} list in
 * Solr format, with {@code expand} (default true) and {@code lenient} (default false). Multi-word
 * synonyms produce a token graph (position lengths), for use in search analyzers. See {@link Synonyms}
 * for how rules are analysed: write them in lowercase words. {@code synonyms_path} and
 * {@code synonyms_set} are not supported.
 */
@NamedComponent("synonym_graph")
public class SynonymGraphTokenFilterFactory implements TokenFilterFactory {

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
    public SynonymGraphTokenFilterFactory(Config config) {
        SynonymMap parsed = null;
        IllegalArgumentException error = null;
        try {
            parsed = Synonyms.parse("synonym_graph", config.synonyms(), config.expand(), config.lenient());
        } catch (IllegalArgumentException e) {
            error = e; // thrown from create(): see Settings
        }
        this.map = parsed;
        this.invalid = error;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        Settings.rethrow(invalid);
        return map.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, map, false);
    }
}
