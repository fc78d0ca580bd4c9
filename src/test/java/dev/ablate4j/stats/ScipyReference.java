package dev.ablate4j.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The scipy reference values in src/test/resources/reference/scipy-stats-reference.json. */
final class ScipyReference {

    private static final JsonNode ROOT = load();

    private ScipyReference() {}

    static List<JsonNode> cases() {
        List<JsonNode> out = new ArrayList<>();
        ROOT.get("cases").forEach(out::add);
        if (out.isEmpty()) {
            throw new IllegalStateException("reference file has no cases");
        }
        return out;
    }

    static JsonNode holm() {
        return ROOT.get("holm");
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static double number(JsonNode c, String key) {
        JsonNode v = c.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalStateException("reference case " + c.get("name") + " lacks number " + key);
        }
        return v.asDouble();
    }

    private static JsonNode load() {
        try (InputStream in = ScipyReference.class.getResourceAsStream("/reference/scipy-stats-reference.json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/scipy-stats-reference.json");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
