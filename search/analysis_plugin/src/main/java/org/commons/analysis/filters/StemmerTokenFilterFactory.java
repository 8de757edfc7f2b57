package org.commons.analysis.filters;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.commons.analysis.Validated;
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
 * Any other value (the other languages of a full distribution are not provided) is rejected. The
 * relevance work picks among these through {@code language}.
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

    private final Validated<Function<TokenStream, TokenStream>> stemmer;

    @Inject
    public StemmerTokenFilterFactory(Config config) {
        boolean byName = (config.language() == null || config.language().isEmpty())
            && config.name() != null && config.name().isEmpty() == false;
        String setting = byName ? "name" : "language";
        String value = byName ? config.name() : config.language();
        this.stemmer = Validated.of(() -> forLanguage(setting, value == null || value.isEmpty() ? "porter" : value));
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
                throw Validated.invalid(setting, "one of " + LANGUAGES + " for the [stemmer] token filter",
                    setting + "=" + value);
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.get().apply(tokenStream);
    }
}
