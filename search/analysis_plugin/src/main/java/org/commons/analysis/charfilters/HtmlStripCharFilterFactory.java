package org.commons.analysis.charfilters;

import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code html_strip} char filter: removes HTML elements and decodes entities; tags named in
 * {@code escaped_tags} are kept.
 */
@NamedComponent("html_strip")
public class HtmlStripCharFilterFactory implements CharFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "escaped_tags")
        List<String> escapedTags();
    }

    private final Set<String> escapedTags;

    @Inject
    public HtmlStripCharFilterFactory(Settings settings) {
        this(settings.escapedTags());
    }

    // package-private: Elasticsearch requires exactly one public constructor (the @Inject one)
    HtmlStripCharFilterFactory(List<String> escapedTags) {
        Set<String> tags = new HashSet<>();
        if (escapedTags != null) {
            for (String tag : escapedTags) {
                if (tag != null && !tag.isBlank()) {
                    tags.add(tag.trim());
                }
            }
        }
        this.escapedTags = Set.copyOf(tags);
    }

    @Override
    public Reader create(Reader reader) {
        return new HTMLStripCharFilter(reader, escapedTags.isEmpty() ? null : new HashSet<>(escapedTags));
    }
}
