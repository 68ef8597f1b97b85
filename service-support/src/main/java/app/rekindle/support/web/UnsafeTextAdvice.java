package app.rekindle.support.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Checks every string of every request body (records, maps, lists, JSON trees, at any depth) against
 * {@link TextRules} before validation and before the command runs, so no field can be forgotten.
 */
@ControllerAdvice
public class UnsafeTextAdvice extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 64;

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "body", 0);
        return body;
    }

    static void check(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        switch (value) {
            case String text -> {
                if (!TextRules.isSafe(text)) {
                    throw new UnsafeText(path);
                }
            }
            case JsonNode node -> checkNode(node, path, depth);
            case Map<?, ?> map ->
                map.forEach((key, element) -> {
                    String name = String.valueOf(key);
                    String child = TextRules.isSafe(name) ? join(path, name) : path;
                    check(name, child, depth + 1);
                    check(element, child, depth + 1);
                });
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), path + "[" + i + "]", depth + 1);
                }
            }
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    check(read(record, component), join(path, component.getName()), depth + 1);
                }
            }
            default -> {}
        }
    }

    private static void checkNode(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isString()) {
            check(node.asString(), path, depth);
        } else if (node.isObject()) {
            node.properties().forEach(entry -> {
                String child = TextRules.isSafe(entry.getKey()) ? join(path, entry.getKey()) : path;
                check(entry.getKey(), child, depth + 1);
                checkNode(entry.getValue(), child, depth + 1);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNode(node.get(i), path + "[" + i + "]", depth + 1);
            }
        }
    }

    /** Field names as the API spells them: {@code topic}, {@code changes.feltHeard}, {@code events[3].type}. */
    private static String join(String path, String name) {
        return path.equals("body") ? name : path + "." + name;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
