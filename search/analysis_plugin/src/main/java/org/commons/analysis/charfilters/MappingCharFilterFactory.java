package org.commons.analysis.charfilters;

import java.io.Reader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.commons.analysis.Validated;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code mapping} char filter: replaces each key of the {@code mappings} list ({@code "key => value"},
 * with the escapes {@code \\ \n \t \r \b \f \' \" \\uXXXX}) by its value, longest match first.
 * An empty or missing list passes the text through unchanged.
 */
@NamedComponent("mapping")
public class MappingCharFilterFactory implements CharFilterFactory {

    // same rule syntax as Elasticsearch's MappingCharFilterFactory
    private static final Pattern RULE = Pattern.compile("(.*)\\s*=>\\s*(.*)\\s*$");

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "mappings")
        List<String> mappings();
    }

    private final Validated<NormalizeCharMap> normMap;

    @Inject
    public MappingCharFilterFactory(Settings settings) {
        this(settings.mappings());
    }

    // package-private: Elasticsearch requires exactly one public constructor (the @Inject one)
    MappingCharFilterFactory(List<String> mappings) {
        this.normMap = Validated.of(() -> parse(mappings));
    }

    private static NormalizeCharMap parse(List<String> mappings) {
        // No error for an empty list: Elasticsearch instantiates every plugin component with empty
        // settings whenever it creates an index, and an exception there fails every index creation.
        // Without mappings the filter passes the text through unchanged.
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (String rule : mappings == null ? List.<String>of() : mappings) {
            Matcher m = RULE.matcher(rule == null ? "" : rule);
            if (!m.find()) {
                throw new IllegalArgumentException("[mappings] invalid mapping rule [" + rule
                        + "]: expected \"key => value\"");
            }
            String lhs = parseString(m.group(1).trim(), rule);
            String rhs = parseString(m.group(2).trim(), rule);
            if (lhs.isEmpty()) {
                throw new IllegalArgumentException("[mappings] invalid mapping rule [" + rule
                        + "]: the key (left of \"=>\") is empty");
            }
            builder.add(lhs, rhs);
        }
        return builder.build();
    }

    @Override
    public Reader create(Reader reader) {
        return new MappingCharFilter(normMap.get(), reader);
    }

    @Override
    public Reader normalize(Reader reader) {
        return create(reader);
    }

    private static String parseString(String s, String rule) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\') {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("[mappings] invalid mapping rule [" + rule
                            + "]: it ends with an unfinished escape \\");
                }
                c = s.charAt(i++);
                switch (c) {
                    case '\\' -> c = '\\';
                    case 'n' -> c = '\n';
                    case 't' -> c = '\t';
                    case 'r' -> c = '\r';
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("[mappings] invalid mapping rule [" + rule
                                    + "]: \\u must be followed by 4 hex digits");
                        }
                        try {
                            c = (char) Integer.parseInt(s.substring(i, i + 4), 16);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("[mappings] invalid mapping rule [" + rule
                                    + "]: \\u must be followed by 4 hex digits", e);
                        }
                        i += 4;
                    }
                    default -> { /* keep the escaped character itself, e.g. \' or \" */ }
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
