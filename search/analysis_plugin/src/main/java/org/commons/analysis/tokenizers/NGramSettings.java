package org.commons.analysis.tokenizers;

/** Shared validation of {@code min_gram} / {@code max_gram} for the n-gram tokenizers. */
final class NGramSettings {
    private NGramSettings() {}

    static void validate(int minGram, int maxGram) {
        if (minGram < 1) {
            throw new IllegalArgumentException("[min_gram] must be >= 1, got min_gram=" + minGram);
        }
        if (maxGram < minGram) {
            throw new IllegalArgumentException("[max_gram] must be >= [min_gram], got min_gram=" + minGram
                    + ", max_gram=" + maxGram);
        }
    }
}
