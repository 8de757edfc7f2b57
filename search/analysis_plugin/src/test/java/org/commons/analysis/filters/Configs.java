package org.commons.analysis.filters;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * Builds an {@code @AnalysisSettings} interface the way Elasticsearch does: each method returns the
 * value given for its annotation's {@code path}, or else the annotation's default (an empty list for
 * {@code @ListSetting}). So the tests also check the paths and defaults declared on the interfaces.
 */
final class Configs {
    private Configs() {}

    /** {@code keyValues}: path, value, path, value, ... */
    static <T> T of(Class<T> type, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
            (p, method, args) -> value(method, values));
        return type.cast(proxy);
    }

    private static Object value(Method method, Map<String, Object> values) {
        IntSetting i = method.getAnnotation(IntSetting.class);
        if (i != null) {
            return values.getOrDefault(i.path(), i.defaultValue());
        }
        BooleanSetting b = method.getAnnotation(BooleanSetting.class);
        if (b != null) {
            return values.getOrDefault(b.path(), b.defaultValue());
        }
        StringSetting s = method.getAnnotation(StringSetting.class);
        if (s != null) {
            return values.getOrDefault(s.path(), s.defaultValue());
        }
        ListSetting l = method.getAnnotation(ListSetting.class);
        if (l != null) {
            return values.getOrDefault(l.path(), List.of());
        }
        throw new AssertionError("method without a setting annotation: " + method);
    }
}
