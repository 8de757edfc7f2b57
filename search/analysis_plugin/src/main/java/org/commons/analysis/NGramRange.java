package org.commons.analysis;

/**
 * The {@code min_gram} / {@code max_gram} pair of the n-gram tokenizers and token filters, checked
 * as Elasticsearch checks it. The server's own {@code index.max_ngram_diff} limit is not repeated:
 * the stable plugin API gives a component no index settings.
 */
public record NGramRange(int minGram, int maxGram) {

    /** {@code component} names the component in an error, e.g. {@code [ngram] tokenizer}. */
    public static NGramRange checked(String component, NGramSizes sizes) {
        int minGram = sizes.minGram();
        int maxGram = sizes.maxGram();
        if (minGram < 1) {
            throw Validated.invalid("min_gram", ">= 1 for the " + component, "min_gram=" + minGram);
        }
        if (maxGram < minGram) {
            throw Validated.invalid("max_gram", ">= [min_gram] for the " + component,
                    "min_gram=" + minGram + ", max_gram=" + maxGram);
        }
        return new NGramRange(minGram, maxGram);
    }
}
