package org.commons.analysis.filters;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * {@code stemmer}: the English stemmers of Elasticsearch's stemmer filter. The stemmer is chosen by
 * {@code language} or, as Elasticsearch also accepts, its older alias {@code name}; the default is
 * {@code porter}, as in Elasticsearch.
 * <ul>
 *   <li>{@code english}, {@code porter}: {@link PorterStemFilter};</li>
 *   <li>{@code light_english}: {@link KStemFilter};</li>
 *   <li>{@code minimal_english}: {@link EnglishMinimalStemFilter};</li>
 *   <li>{@code possessive_english}: {@link EnglishPossessiveFilter}.</li>
 * </ul>
 * Any other value (the other languages of a full distribution are not provided) is rejected.
 */
@NamedComponent("stemmer")
public class StemmerTokenFilterFactory implements TokenFilterFactory {

    static final List<String> LANGUAGES =
        List.of("english", "light_english", "minimal_english", "possessive_english", "porter");

    @AnalysisSettings
    public interface Config {
        @StringSetting(path = "language", defaultValue = "")
        String language();

        @StringSetting(path = "name", defaultValue = "")
        String name();
    }

    private final Function<TokenStream, TokenStream> stemmer;
    private final IllegalArgumentException invalid;

    @Inject
    public StemmerTokenFilterFactory(Config config) {
        String setting = "language";
        String value = config.language();
        if (value == null || value.isEmpty()) {
            if (config.name() != null && config.name().isEmpty() == false) {
                setting = "name";
                value = config.name();
            } else {
                value = "porter";
            }
        }
        Function<TokenStream, TokenStream> chosen = null;
        IllegalArgumentException error = null;
        try {
            chosen = forLanguage(setting, value);
        } catch (IllegalArgumentException e) {
            error = e; // thrown from create(): see Settings
        }
        this.stemmer = chosen;
        this.invalid = error;
    }

    static Function<TokenStream, TokenStream> forLanguage(String setting, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "english":
            case "porter":
                return PorterStemFilter::new;
            case "light_english":
                return KStemFilter::new;
            case "minimal_english":
                return EnglishMinimalStemFilter::new;
            case "possessive_english":
                return EnglishPossessiveFilter::new;
            default:
                throw new IllegalArgumentException("[" + setting + "] unknown stemmer language [" + value
                    + "] for the [stemmer] token filter; this plugin supports " + LANGUAGES
                    + ", got " + setting + "=" + value);
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        Settings.rethrow(invalid);
        return stemmer.apply(tokenStream);
    }
}
