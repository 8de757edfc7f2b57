package org.commons.analysis;

import org.elasticsearch.plugin.settings.IntSetting;

/**
 * The {@code min_gram} (default 1) and {@code max_gram} (default 2) settings every n-gram tokenizer
 * and token filter has; each component's {@code @AnalysisSettings} interface extends it (the server
 * reads a setting's annotation from the method, wherever it is declared).
 */
public interface NGramSizes {
    @IntSetting(path = "min_gram", defaultValue = 1)
    int minGram();

    @IntSetting(path = "max_gram", defaultValue = 2)
    int maxGram();
}
