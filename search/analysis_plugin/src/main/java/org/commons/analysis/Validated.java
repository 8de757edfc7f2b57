package org.commons.analysis;

import java.util.function.Supplier;

/**
 * Settings parsed in a component's constructor, with any {@link IllegalArgumentException} kept and
 * thrown later from {@code create()}.
 *
 * <p>Why: Elasticsearch wraps an exception thrown by a stable plugin's constructor in an
 * {@code IllegalStateException} ("Cannot create instance of class ..."), which index creation answers
 * with a 500; it also instantiates every component with empty settings whenever any index is created.
 * An {@code IllegalArgumentException} thrown from {@code create()} instead reaches the client as a
 * 400 whose reason is our message (checked on 8.19.21: index creation calls {@code create()}).
 * So a bad component that no analyser uses is not rejected. Every component checks its settings
 * this way, and reports a bad one with {@link #invalid}.
 */
public final class Validated<T> {
    private final T value;
    private final IllegalArgumentException error;

    private Validated(T value, IllegalArgumentException error) {
        this.value = value;
        this.error = error;
    }

    public static <T> Validated<T> of(Supplier<T> parse) {
        try {
            return new Validated<>(parse.get(), null);
        } catch (IllegalArgumentException e) {
            return new Validated<>(null, e);
        }
    }

    /**
     * The error for a setting that breaks its rule, in the one form every component reports:
     * {@code [max_gram] must be >= [min_gram] for the [ngram] tokenizer, got min_gram=5, max_gram=2}.
     * The client sees it as the reason of a 400, so it names the setting and what was given.
     */
    public static IllegalArgumentException invalid(String setting, String mustBe, String got) {
        return new IllegalArgumentException("[" + setting + "] must be " + mustBe + ", got " + got);
    }

    /** The parsed settings, or the settings error (a fresh exception with the same message). */
    public T get() {
        if (error != null) {
            throw new IllegalArgumentException(error.getMessage(), error);
        }
        return value;
    }
}
