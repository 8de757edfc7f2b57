package org.commons.analysis.analyzers;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.commons.analysis.Validated;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code english} analyzer: Lucene's {@link EnglishAnalyzer} (standard tokenizer, possessive,
 * lowercase, English stop words, keyword marker, Porter stemmer), as in Elasticsearch.
 * {@code stopwords}: a list, or {@code _english_} (the default) or {@code _none_};
 * {@code stem_exclusion}: words that are not stemmed.
 */
@NamedComponent("english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "stopwords")
        List<String> stopwords();

        @ListSetting(path = "stem_exclusion")
        List<String> stemExclusion();
    }

    private record Params(CharArraySet stopwords, CharArraySet stemExclusion) {}

    private final Validated<Params> params;

    @Inject
    public EnglishAnalyzerFactory(Settings settings) {
        this(settings.stopwords(), settings.stemExclusion());
    }

    // package-private: Elasticsearch requires exactly one public constructor (the @Inject one)
    EnglishAnalyzerFactory(List<String> stopwords, List<String> stemExclusion) {
        this.params = Validated.of(() -> new Params(parseStopwords(stopwords),
                stemExclusion == null || stemExclusion.isEmpty()
                        ? CharArraySet.EMPTY_SET
                        : CharArraySet.unmodifiableSet(new CharArraySet(stemExclusion, false))));
    }

    static CharArraySet parseStopwords(List<String> stopwords) {
        if (stopwords == null || stopwords.isEmpty()) {
            return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        }
        if (stopwords.size() == 1) {
            String only = stopwords.get(0).trim();
            if (only.equals("_english_")) {
                return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            }
            if (only.equals("_none_")) {
                return CharArraySet.EMPTY_SET;
            }
        }
        for (String word : stopwords) {
            if (word.startsWith("_") && word.endsWith("_") && word.length() > 2) {
                if (word.equals("_english_") || word.equals("_none_")) {
                    throw new IllegalArgumentException("[stopwords] " + word
                            + " must be the only value, got stopwords=" + stopwords);
                }
                throw new IllegalArgumentException("[stopwords] unsupported predefined list [" + word
                        + "]: the english analyzer supports _english_ and _none_");
            }
        }
        return CharArraySet.unmodifiableSet(new CharArraySet(stopwords, false));
    }

    @Override
    public Analyzer create() {
        Params p = params.get();
        return new EnglishAnalyzer(p.stopwords(), p.stemExclusion());
    }
}
