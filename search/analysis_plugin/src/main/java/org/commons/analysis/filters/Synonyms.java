package org.commons.analysis.filters;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Parses an inline {@code synonyms} list in Solr format ({@code a, b, c} and {@code a => b}) into a
 * {@link SynonymMap}, shared by {@code synonym_graph} and {@code synonym}.
 *
 * <p>Rule analysis: Elasticsearch's built-in synonym filters analyse each rule with the analysis chain
 * that precedes the filter in the analyzer. The stable plugin API does not give a token filter that
 * chain, so this plugin analyses rules with a fixed chain: a whitespace tokenizer followed by a
 * lowercase filter. Write rules as lowercase words separated by spaces, and put a {@code lowercase}
 * filter (and a tokenizer that splits on whitespace, such as {@code whitespace} or {@code standard})
 * before the synonym filter. Rules then match exactly as they would on a full distribution. Matching
 * is case-sensitive ({@code ignore_case} false, as in Elasticsearch), so the chain must lowercase.
 *
 * <p>Errors and {@code lenient}: rules are parsed one at a time. A malformed rule (for example
 * {@code a => b => c}, or {@code a, , b} with an empty term) fails with an
 * {@link IllegalArgumentException} that names the {@code synonyms} setting and the rule. With
 * {@code lenient} true the whole malformed rule is skipped. (Elasticsearch's lenient mode skips only
 * the terms that fail analysis and keeps the rest of the rule; for the rules Commons writes the result
 * is the same.)
 */
final class Synonyms {
    private Synonyms() {}

    static final Analyzer RULE_ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new WhitespaceTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
    };

    /**
     * Builds the map; returns a map whose {@code fst} is null when there are no rules.
     *
     * @param filter  the filter's name, for error messages
     * @param rules   one Solr-format rule per entry
     * @param expand  {@code expand}: equivalent synonyms map every term to every other
     * @param lenient {@code lenient}: skip malformed rules instead of failing
     */
    static SynonymMap parse(String filter, List<String> rules, boolean expand, boolean lenient) {
        SolrSynonymParser parser = new SolrSynonymParser(true, expand, RULE_ANALYZER);
        if (rules != null) {
            for (String rule : rules) {
                if (rule == null || rule.isBlank()) {
                    continue;
                }
                try {
                    // One rule at a time, so a failure names the rule and lenient skips just that rule.
                    parser.parse(new StringReader(rule));
                } catch (ParseException | IllegalArgumentException e) {
                    if (lenient == false) {
                        String cause = e.getCause() != null && e instanceof ParseException
                            ? e.getCause().getMessage() : e.getMessage();
                        throw new IllegalArgumentException("[synonyms] malformed synonym rule [" + rule
                            + "] for the [" + filter + "] token filter: " + cause
                            + " (set [lenient] to true to skip malformed rules)", e);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("failed to read synonym rule [" + rule + "]", e);
                }
            }
        }
        try {
            return parser.build();
        } catch (IOException e) {
            throw new IllegalStateException("failed to build the synonym map for [" + filter + "]", e);
        }
    }
}
