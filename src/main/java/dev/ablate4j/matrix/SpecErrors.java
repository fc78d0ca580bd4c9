package dev.ablate4j.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ablate4j.config.Suggest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a spec's problems are told: every message starts with the file and the place in the spec
 * ({@code quickstart.yaml: factors: policy-lr: ...}), and an unknown key is named once, the same
 * way everywhere, with the nearest allowed key and the full list. Also the two views of a YAML node
 * the readers share: its kind for messages, and its plain Java value.
 */
final class SpecErrors {

    private final String where;

    SpecErrors(String where) {
        this.where = where;
    }

    /** The file (or other source) the spec was read from. */
    String where() {
        return where;
    }

    /** The problem {@code message} at {@code place} ("" for the top level). */
    SpecException error(String place, String message) {
        return new SpecException(where + ": " + (place.isEmpty() ? "" : place + ": ") + message);
    }

    /** The error for {@code key}, which is not one of {@code allowed}. */
    SpecException unknownKey(String place, String key, List<String> allowed) {
        return error(place, "unknown key '" + key + "'" + Suggest.nearest(key, allowed) + "; allowed: "
                + String.join(", ", allowed));
    }

    /** Refuses the first key of mapping {@code n} that is not one of {@code allowed}. */
    void requireKnownKeys(String place, JsonNode n, List<String> allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw unknownKey(place, key, allowed);
            }
        }
    }

    /** What a node is, for "expected ..., got a ..." messages. */
    static String kind(JsonNode n) {
        if (n.isObject()) {
            return "mapping";
        }
        if (n.isArray()) {
            return "list";
        }
        if (n.isNull()) {
            return "null";
        }
        return "single value ('" + n.asText() + "')";
    }

    /** A YAML scalar, list or mapping as a plain Java value (String, Boolean, Long, Double, List, Map). */
    static Object raw(JsonNode n) {
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(raw(e)));
            return list;
        }
        if (n.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            n.properties().forEach(e -> map.put(e.getKey(), raw(e.getValue())));
            return map;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.asText();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isNull()) {
            return null;
        }
        return n.asText();
    }
}
