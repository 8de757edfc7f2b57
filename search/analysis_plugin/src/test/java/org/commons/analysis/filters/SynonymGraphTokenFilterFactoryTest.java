package org.commons.analysis.filters;

import static org.commons.analysis.filters.FilterAsserts.assertTokens;
import static org.commons.analysis.filters.FilterAsserts.terms;
import static org.commons.analysis.filters.FilterAsserts.tok;
import static org.commons.analysis.filters.FilterAsserts.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commons.analysis.TokenStreams.Token;
import org.commons.analysis.filters.FilterAsserts.Tok;
import org.junit.jupiter.api.Test;

class SynonymGraphTokenFilterFactoryTest {

    static final List<String> LOCAL_GOVERNMENT = List.of(
        "revs and bens, revenues and benefits",
        "ict, information technology",
        "asc, adult social care",
        "tom => target operating model");

    private static SynonymGraphTokenFilterFactory graph(Object... settings) {
        return new SynonymGraphTokenFilterFactory(Configs.of(SynonymGraphTokenFilterFactory.Config.class, settings));
    }

    private static List<Token> lower(SynonymGraphTokenFilterFactory f, String text) {
        return tokens(Tok.WHITESPACE, true, f, text);
    }

    @Test
    void singleWordToMultiWordMakesAGraph() {
        // "ict" spans the two positions of "information technology": position length 2.
        assertTokens(List.of(
                tok("information", 0, 0, 3, 1), tok("ict", 0, 0, 3, 2), tok("technology", 1, 0, 3, 1),
                tok("services", 2, 4, 12, 1)),
            lower(graph("synonyms", LOCAL_GOVERNMENT), "ICT services"));
    }

    @Test
    void multiWordToSingleWord() {
        assertTokens(List.of(
                tok("shared", 0, 0, 6, 1),
                tok("ict", 1, 7, 29, 2), tok("information", 1, 7, 18, 1), tok("technology", 2, 19, 29, 1)),
            lower(graph("synonyms", LOCAL_GOVERNMENT), "Shared information technology"));
    }

    @Test
    void multiWordToMultiWord() {
        // Two paths from node 0 to node 5: revenues(0-1) and(1-2) benefits(2-5) and the original
        // revs(0-3) and(3-4) bens(4-5); "team" follows at node 5.
        assertTokens(List.of(
                tok("revenues", 0, 0, 13, 1), tok("revs", 0, 0, 4, 3), tok("and", 1, 0, 13, 1),
                tok("benefits", 2, 0, 13, 3), tok("and", 3, 5, 8, 1), tok("bens", 4, 9, 13, 1),
                tok("team", 5, 14, 18, 1)),
            lower(graph("synonyms", LOCAL_GOVERNMENT), "Revs and Bens team"));
    }

    @Test
    void adultSocialCare() {
        List<Token> out = lower(graph("synonyms", LOCAL_GOVERNMENT), "asc");
        assertEquals(List.of("adult", "asc", "social", "care"), out.stream().map(Token::term).toList());
        assertEquals(List.of(0, 0, 1, 2), out.stream().map(Token::position).toList());
        assertEquals(List.of(1, 3, 1, 1), out.stream().map(Token::posLength).toList());
    }

    @Test
    void explicitMappingReplaces() {
        List<Token> out = lower(graph("synonyms", LOCAL_GOVERNMENT), "new TOM");
        assertEquals(List.of("new", "target", "operating", "model"), out.stream().map(Token::term).toList());
        assertEquals(List.of(0, 1, 2, 3), out.stream().map(Token::position).toList());
    }

    @Test
    void docsSolrFormatExamples() {
        // Elasticsearch reference, synonym token filter, Solr synonyms format.
        List<String> rules = List.of(
            "i-pod, i pod => ipod",
            "sea biscuit, sea biscit => seabiscuit",
            "ipod, i-pod, i pod",
            "foozball , foosball",
            "universe , cosmos",
            "lol, laughing out loud",
            "foo => foo bar",
            "foo => baz");
        SynonymGraphTokenFilterFactory f = graph("synonyms", rules);
        assertEquals(List.of("cosmos", "universe"), terms(f, "universe").stream().sorted().toList());
        assertEquals(List.of("foosball", "foozball"), terms(f, "foozball").stream().sorted().toList());
        assertEquals(List.of("seabiscuit"), terms(f, "sea biscit"));
        assertTrue(terms(f, "lol").containsAll(List.of("lol", "laughing", "out", "loud")));
        // "foo => foo bar" and "foo => baz" merge into "foo => foo bar, baz"
        assertEquals(List.of("bar", "baz", "foo"), terms(f, "foo").stream().sorted().toList());
    }

    @Test
    void expandFalseMapsToTheFirstTerm() {
        // Docs: with expand false, "ipod, i-pod, i pod" is equivalent to "ipod, i-pod, i pod => ipod"
        SynonymGraphTokenFilterFactory f = graph("synonyms", List.of("ipod, i-pod, i pod"), "expand", false);
        assertEquals(List.of("ipod"), terms(f, "i pod"));
        assertEquals(List.of("ipod"), terms(f, "i-pod"));
        assertEquals(List.of("ipod"), terms(f, "ipod"));
    }

    @Test
    void expandTrueMapsToEveryTerm() {
        SynonymGraphTokenFilterFactory f = graph("synonyms", List.of("ipod, i-pod, i pod"));
        assertEquals(List.of("i", "i-pod", "ipod", "pod"), terms(f, "ipod").stream().sorted().toList());
    }

    @Test
    void rulesAreLowercased() {
        SynonymGraphTokenFilterFactory f = graph("synonyms", List.of("ICT, Information Technology"));
        assertEquals(List.of("information", "ict", "technology"), terms(Tok.WHITESPACE, true, f, "ict"));
    }

    @Test
    void noSynonymsPassesTokensThrough() {
        assertEquals(List.of("a", "b"), terms(graph(), "a b"));
    }

    @Test
    void malformedRuleNamesTheRule() {
        IllegalArgumentException e = FilterAsserts.rejected(() -> graph("synonyms", List.of("ict, information technology", "a => b => c")));
        assertTrue(e.getMessage().contains("[synonyms]"), e.getMessage());
        assertTrue(e.getMessage().contains("a => b => c"), e.getMessage());
        assertTrue(e.getMessage().contains("synonym_graph"), e.getMessage());
    }

    @Test
    void emptyTermIsAMalformedRule() {
        IllegalArgumentException e = FilterAsserts.rejected(() -> graph("synonyms", List.of("a, , b")));
        assertTrue(e.getMessage().startsWith("[synonyms] malformed synonym rule [a, , b] for the [synonym_graph]"),
            e.getMessage());
        // lenient: the malformed rule is skipped as a whole
        assertEquals(List.of("a"), terms(graph("synonyms", List.of("a, , b"), "lenient", true), "a"));
    }

    @Test
    void lenientSkipsMalformedRules() {
        SynonymGraphTokenFilterFactory f =
            graph("synonyms", List.of("a => b => c", "universe, cosmos"), "lenient", true);
        assertEquals(List.of("cosmos", "universe"), terms(f, "universe").stream().sorted().toList());
        assertEquals(List.of("a"), terms(f, "a"));
    }
}
