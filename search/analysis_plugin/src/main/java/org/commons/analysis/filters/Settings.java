package org.commons.analysis.filters;

/**
 * Small helpers shared by the token filter factories for validating settings.
 *
 * <p>Why validation errors are thrown from {@code create} and not from the constructor: Elasticsearch
 * (checked on 8.19.21) builds a stable-API component through reflection and wraps anything its
 * constructor throws in an {@code IllegalStateException("Cannot create instance of class ...")}, which
 * the REST layer answers with a 500 whose top-level reason hides ours. When an index is created,
 * Elasticsearch also runs every analyzer once on empty text; an {@link IllegalArgumentException}
 * thrown by {@code create} then reaches the client unwrapped, as a 400 whose reason is our message.
 * So each factory validates in its constructor, keeps the error, and throws it from {@code create}
 * (see {@link #rethrow}). The same happens for {@code _analyze} with an inline filter definition.
 * A bad filter that no analyzer uses is therefore not rejected.
 */
final class Settings {
    private Settings() {}

    /** Throws a fresh copy of a validation error kept by a constructor, if there is one. */
    static void rethrow(IllegalArgumentException invalid) {
        if (invalid != null) {
            throw new IllegalArgumentException(invalid.getMessage());
        }
    }

    static IllegalArgumentException invalid(String setting, Object value, String why) {
        return new IllegalArgumentException("[" + setting + "] " + why + ", got " + setting + "=" + value);
    }

    /** Validates a {@code min_gram}/{@code max_gram} pair as Elasticsearch's n-gram filters do. */
    static void checkGrams(String filter, int minGram, int maxGram) {
        if (minGram < 1) {
            throw invalid("min_gram", minGram, "must be >= 1 for the [" + filter + "] token filter");
        }
        if (maxGram < minGram) {
            throw new IllegalArgumentException("[max_gram] must be >= [min_gram] for the [" + filter
                + "] token filter, got min_gram=" + minGram + ", max_gram=" + maxGram);
        }
    }
}
