package org.commons.analysis.filters;

import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_ALL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_NUMBERS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_WORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_WORD_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.IGNORE_KEYWORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code word_delimiter_graph}: Lucene's {@link WordDelimiterGraphFilter} with Elasticsearch's settings
 * and defaults: {@code generate_word_parts} true, {@code generate_number_parts} true,
 * {@code catenate_words} false, {@code catenate_numbers} false, {@code catenate_all} false,
 * {@code split_on_case_change} true, {@code preserve_original} false, {@code split_on_numerics} true,
 * {@code stem_english_possessive} true, {@code adjust_offsets} true, {@code ignore_keywords} false,
 * and {@code protected_words} (inline list). {@code type_table} and the {@code *_path} settings are
 * not supported.
 */
@NamedComponent("word_delimiter_graph")
public class WordDelimiterGraphTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Config {
        @BooleanSetting(path = "generate_word_parts", defaultValue = true)
        boolean generateWordParts();

        @BooleanSetting(path = "generate_number_parts", defaultValue = true)
        boolean generateNumberParts();

        @BooleanSetting(path = "catenate_words", defaultValue = false)
        boolean catenateWords();

        @BooleanSetting(path = "catenate_numbers", defaultValue = false)
        boolean catenateNumbers();

        @BooleanSetting(path = "catenate_all", defaultValue = false)
        boolean catenateAll();

        @BooleanSetting(path = "split_on_case_change", defaultValue = true)
        boolean splitOnCaseChange();

        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();

        @BooleanSetting(path = "split_on_numerics", defaultValue = true)
        boolean splitOnNumerics();

        @BooleanSetting(path = "stem_english_possessive", defaultValue = true)
        boolean stemEnglishPossessive();

        @BooleanSetting(path = "ignore_keywords", defaultValue = false)
        boolean ignoreKeywords();

        @BooleanSetting(path = "adjust_offsets", defaultValue = true)
        boolean adjustOffsets();

        @ListSetting(path = "protected_words")
        List<String> protectedWords();
    }

    private final int flags;
    private final boolean adjustOffsets;
    private final CharArraySet protectedWords;

    @Inject
    public WordDelimiterGraphTokenFilterFactory(Config config) {
        int f = 0;
        f |= config.generateWordParts() ? GENERATE_WORD_PARTS : 0;
        f |= config.generateNumberParts() ? GENERATE_NUMBER_PARTS : 0;
        f |= config.catenateWords() ? CATENATE_WORDS : 0;
        f |= config.catenateNumbers() ? CATENATE_NUMBERS : 0;
        f |= config.catenateAll() ? CATENATE_ALL : 0;
        f |= config.splitOnCaseChange() ? SPLIT_ON_CASE_CHANGE : 0;
        f |= config.preserveOriginal() ? PRESERVE_ORIGINAL : 0;
        f |= config.splitOnNumerics() ? SPLIT_ON_NUMERICS : 0;
        f |= config.stemEnglishPossessive() ? STEM_ENGLISH_POSSESSIVE : 0;
        f |= config.ignoreKeywords() ? IGNORE_KEYWORDS : 0;
        this.flags = f;
        this.adjustOffsets = config.adjustOffsets();
        List<String> words = config.protectedWords();
        this.protectedWords = words == null || words.isEmpty() ? null : new CharArraySet(words, false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new WordDelimiterGraphFilter(tokenStream, adjustOffsets,
            WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, flags, protectedWords);
    }
}
