package org.commons.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code src/main/plugin-metadata/named_components.json} in step with the code: every class
 * annotated {@code @NamedComponent} under {@code target/classes} must be listed under its API
 * interface with its name, and every listed class must exist, carry that name and implement that
 * interface. Elasticsearch only finds components through that file.
 */
class NamedComponentsTest {

    static final Path METADATA = Path.of("src/main/plugin-metadata");
    static final Path CLASSES = Path.of("target/classes");
    static final List<Class<?>> APIS = List.of(
            AnalyzerFactory.class, TokenizerFactory.class, TokenFilterFactory.class, CharFilterFactory.class);

    /**
     * Names the integ-test server (8.19.21) already registers in its core (AnalysisModule,
     * PreBuiltAnalyzers, PreBuiltTokenizers). Listing one of them in named_components.json makes the
     * node refuse to boot ("token_filter for name [shingle] already registered"), so they must not be
     * listed; a class annotated with such a name may exist but stays out of the file.
     */
    static final Map<String, List<String>> SERVER_BUILT_INS = Map.of(
            TokenFilterFactory.class.getName(), List.of("shingle", "stop", "lowercase", "hunspell"),
            TokenizerFactory.class.getName(), List.of("standard"),
            AnalyzerFactory.class.getName(),
                    List.of("standard", "default", "keyword", "stop", "whitespace", "simple", "classic"),
            CharFilterFactory.class.getName(), List.of());

    /**
     * What the node must offer, and all the plugin provides: the components Commons' index settings
     * name ({@code search/analysis.py}) and those of Wagtail's own Elasticsearch backend
     * ({@code modelsearch.backends.elasticsearchbase}, whose index settings define n-gram tokenizers
     * and filters). The relevance work changes the stemmer through {@code stemmer}'s
     * {@code language}, so it needs no other stemming component. A component no index uses is code
     * to keep in step with Elasticsearch for no one, so none is kept.
     */
    static final Map<String, List<String>> USED = Map.of(
            // Wagtail: ngram_tokenizer and edgengram_tokenizer
            TokenizerFactory.class.getName(), List.of("edge_ngram", "ngram"),
            // Commons: asciifolding, stemmer (english, possessive_english), edge_ngram (autocomplete);
            // Wagtail: asciifolding, ngram and edge_ngram
            TokenFilterFactory.class.getName(), List.of("asciifolding", "edge_ngram", "ngram", "stemmer"));

    @Test
    void theListedComponentsAreExactlyTheOnesCommonsAndWagtailUse() throws IOException {
        Map<String, List<String>> listed = new TreeMap<>();
        for (var api : readNamedComponents().entrySet()) {
            if (!api.getValue().isEmpty()) {
                listed.put(api.getKey(), api.getValue().keySet().stream().sorted().toList());
            }
        }
        assertEquals(new TreeMap<>(USED), listed);
    }

    @Test
    void noServerBuiltInNameIsListed() throws IOException {
        List<String> problems = new ArrayList<>();
        for (var api : readNamedComponents().entrySet()) {
            for (String name : api.getValue().keySet()) {
                if (SERVER_BUILT_INS.getOrDefault(api.getKey(), List.of()).contains(name)) {
                    problems.add("named_components.json lists " + api.getKey() + " \"" + name
                            + "\", which the server already has: the node would refuse to start");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void everyNamedComponentIsListedAndEveryListedClassExists() throws IOException {
        Map<String, Map<String, String>> listed = readNamedComponents();
        Map<String, Map<String, String>> found = scanClasses();
        assertFalse(found.isEmpty(), "no @NamedComponent class found under " + CLASSES.toAbsolutePath());

        List<String> problems = new ArrayList<>();
        for (String api : listed.keySet()) {
            if (APIS.stream().noneMatch(c -> c.getName().equals(api))) {
                problems.add("named_components.json: unknown API interface " + api);
            }
        }
        for (var apiEntry : found.entrySet()) {
            Map<String, String> inJson = listed.getOrDefault(apiEntry.getKey(), Map.of());
            for (var component : apiEntry.getValue().entrySet()) {
                String name = component.getKey();
                String cls = component.getValue();
                if (SERVER_BUILT_INS.getOrDefault(apiEntry.getKey(), List.of()).contains(name)) {
                    continue; // see SERVER_BUILT_INS
                }
                if (!cls.equals(inJson.get(name))) {
                    problems.add("named_components.json misses " + apiEntry.getKey() + " \"" + name + "\": \""
                            + cls + "\"" + (inJson.containsKey(name) ? " (it lists " + inJson.get(name) + ")" : ""));
                }
            }
        }
        for (var apiEntry : listed.entrySet()) {
            for (var component : apiEntry.getValue().entrySet()) {
                String name = component.getKey();
                String cls = component.getValue();
                Class<?> c;
                try {
                    c = Class.forName(cls, false, getClass().getClassLoader());
                } catch (ClassNotFoundException e) {
                    problems.add("named_components.json lists " + name + " -> " + cls + ", which does not exist");
                    continue;
                }
                NamedComponent nc = c.getAnnotation(NamedComponent.class);
                if (nc == null || !nc.value().equals(name)) {
                    problems.add("named_components.json lists " + name + " -> " + cls + ", but the class is "
                            + (nc == null ? "not annotated @NamedComponent" : "named \"" + nc.value() + "\""));
                }
                if (!isA(c, apiEntry.getKey())) {
                    problems.add(cls + " does not implement " + apiEntry.getKey());
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** Elasticsearch instantiates components through their only public constructor: @Inject, or no arguments. */
    @Test
    void everyComponentHasAnInstantiableConstructor() throws IOException {
        List<String> problems = new ArrayList<>();
        for (var api : scanClasses().values()) {
            for (String cls : api.values()) {
                Class<?> c = load(cls);
                if (Modifier.isAbstract(c.getModifiers()) || !Modifier.isPublic(c.getModifiers())) {
                    problems.add(cls + " must be a public concrete class");
                    continue;
                }
                if (c.getConstructors().length != 1) {
                    // Elasticsearch refuses the component at first use: "Plugin can only have one public constructor."
                    problems.add(cls + " has " + c.getConstructors().length
                            + " public constructors: Elasticsearch requires exactly one");
                }
                Constructor<?> chosen = null;
                for (Constructor<?> ctor : c.getConstructors()) {
                    if (ctor.isAnnotationPresent(Inject.class)) {
                        if (chosen != null) {
                            problems.add(cls + " has more than one @Inject constructor");
                        }
                        chosen = ctor;
                    }
                }
                if (chosen == null) {
                    try {
                        c.getConstructor();
                    } catch (NoSuchMethodException e) {
                        problems.add(cls + " has neither an @Inject constructor nor a public no-arg one");
                    }
                    continue;
                }
                for (Class<?> param : chosen.getParameterTypes()) {
                    if (!param.isInterface() || !param.isAnnotationPresent(AnalysisSettings.class)) {
                        problems.add(cls + ": @Inject parameter " + param.getName()
                                + " must be an interface annotated @AnalysisSettings");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /**
     * Elasticsearch instantiates every plugin component with empty settings each time it creates an
     * index (whatever the index uses); a constructor that throws on default settings makes every index
     * creation fail with a 500. So each component must build, and run, with its defaults.
     */
    @Test
    void everyComponentWorksWithDefaultSettings() throws Exception {
        List<String> problems = new ArrayList<>();
        for (var api : scanClasses().values()) {
            for (String cls : api.values()) {
                Class<?> c = load(cls);
                try {
                    Object component = instantiateWithDefaults(c);
                    if (component instanceof TokenizerFactory f) {
                        TokenStreams.terms(TokenStreams.tokenize(f.create(), "Councils sharing services"));
                    } else if (component instanceof TokenFilterFactory f) {
                        TokenStreams.terms(f.create(TokenStreams.whitespace("Councils sharing services")));
                    } else if (component instanceof CharFilterFactory f) {
                        TokenStreams.read(f.create(new java.io.StringReader("Councils sharing services")));
                    } else if (component instanceof AnalyzerFactory f) {
                        TokenStreams.terms(f.create(), "Councils sharing services");
                    }
                } catch (Exception | AssertionError e) {
                    Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
                    problems.add(cls + " fails with default (empty) settings: " + cause);
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** Builds a component the way Elasticsearch does for empty settings: annotation defaults, empty lists. */
    static Object instantiateWithDefaults(Class<?> c) throws Exception {
        for (Constructor<?> ctor : c.getConstructors()) {
            if (!ctor.isAnnotationPresent(Inject.class)) {
                continue;
            }
            Object[] args = new Object[ctor.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> settings = ctor.getParameterTypes()[i];
                args[i] = java.lang.reflect.Proxy.newProxyInstance(settings.getClassLoader(),
                        new Class<?>[] {settings}, (proxy, method, margs) -> defaultOf(method));
            }
            return ctor.newInstance(args);
        }
        return c.getConstructor().newInstance();
    }

    private static Object defaultOf(java.lang.reflect.Method m) {
        if (m.getDeclaringClass() == Object.class) {
            throw new UnsupportedOperationException(m.getName());
        }
        if (m.isAnnotationPresent(org.elasticsearch.plugin.settings.IntSetting.class)) {
            return m.getAnnotation(org.elasticsearch.plugin.settings.IntSetting.class).defaultValue();
        }
        if (m.isAnnotationPresent(org.elasticsearch.plugin.settings.LongSetting.class)) {
            return m.getAnnotation(org.elasticsearch.plugin.settings.LongSetting.class).defaultValue();
        }
        if (m.isAnnotationPresent(org.elasticsearch.plugin.settings.BooleanSetting.class)) {
            return m.getAnnotation(org.elasticsearch.plugin.settings.BooleanSetting.class).defaultValue();
        }
        if (m.isAnnotationPresent(org.elasticsearch.plugin.settings.StringSetting.class)) {
            return m.getAnnotation(org.elasticsearch.plugin.settings.StringSetting.class).defaultValue();
        }
        if (m.isAnnotationPresent(org.elasticsearch.plugin.settings.ListSetting.class)) {
            return List.of();
        }
        throw new AssertionError(m + " has no setting annotation");
    }

    @Test
    void descriptorMatchesThePom() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(METADATA.resolve("stable-plugin-descriptor.properties"))) {
            p.load(r);
        }
        assertEquals("commons-analysis", p.getProperty("name"));
        assertEquals("17", p.getProperty("java.version"));
        assertTrue(p.getProperty("description", "").length() > 0);
        assertFalse(p.containsKey("classname"), "a stable plugin has no classname");
        assertEquals("${project.version}", p.getProperty("version"));
        assertEquals("${elasticsearch.version}", p.getProperty("elasticsearch.version"));
    }

    private static boolean isA(Class<?> c, String api) {
        return APIS.stream().anyMatch(a -> a.getName().equals(api) && a.isAssignableFrom(c));
    }

    private Class<?> load(String cls) {
        try {
            return Class.forName(cls, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** API interface name -> (component name -> class name) of the compiled @NamedComponent classes. */
    Map<String, Map<String, String>> scanClasses() throws IOException {
        Map<String, Map<String, String>> found = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(CLASSES)) {
            files = s.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path f : files) {
            String rel = CLASSES.relativize(f).toString().replace('\\', '/');
            String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
            if (name.equals("module-info") || name.endsWith("package-info")) {
                continue;
            }
            Class<?> c = load(name);
            NamedComponent nc = c.getAnnotation(NamedComponent.class);
            if (nc == null) {
                continue;
            }
            boolean any = false;
            for (Class<?> api : APIS) {
                if (api.isAssignableFrom(c)) {
                    found.computeIfAbsent(api.getName(), k -> new TreeMap<>()).put(nc.value(), c.getName());
                    any = true;
                }
            }
            if (!any) {
                fail(c.getName() + " is @NamedComponent but implements none of " + APIS);
            }
        }
        return found;
    }

    static Map<String, Map<String, String>> readNamedComponents() throws IOException {
        String json = Files.readString(METADATA.resolve("named_components.json"), StandardCharsets.UTF_8);
        return new MiniJson(json).readFile();
    }

    /** Just enough JSON for {"api": {"name": "class", ...}, ...}; duplicate keys are an error. */
    static final class MiniJson {
        private final String s;
        private int i;

        MiniJson(String s) {
            this.s = s;
        }

        Map<String, Map<String, String>> readFile() {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            expect('{');
            if (peek() != '}') {
                do {
                    String api = string();
                    expect(':');
                    Map<String, String> inner = new LinkedHashMap<>();
                    expect('{');
                    if (peek() != '}') {
                        do {
                            String k = string();
                            expect(':');
                            if (inner.put(k, string()) != null) {
                                throw new AssertionError("named_components.json: duplicate name " + k);
                            }
                        } while (comma());
                    }
                    expect('}');
                    if (out.put(api, inner) != null) {
                        throw new AssertionError("named_components.json: duplicate key " + api);
                    }
                } while (comma());
            }
            expect('}');
            if (peek() != 0) {
                throw new AssertionError("named_components.json: trailing text at " + i);
            }
            return out;
        }

        private char peek() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i < s.length() ? s.charAt(i) : 0;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new AssertionError("named_components.json: expected '" + c + "' at offset " + i);
            }
            i++;
        }

        private boolean comma() {
            if (peek() == ',') {
                i++;
                return true;
            }
            return false;
        }

        private String string() {
            expect('"');
            int end = s.indexOf('"', i);
            if (end < 0) {
                throw new AssertionError("named_components.json: unterminated string at " + i);
            }
            String v = s.substring(i, end);
            i = end + 1;
            return v;
        }
    }
}
