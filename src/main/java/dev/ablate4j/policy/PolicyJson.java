package dev.ablate4j.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ablate4j.env.EnvVariant;
import dev.ablate4j.nn.Activation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code policy.json} format (version {@value #FORMAT_VERSION}), written and read. The layout
 * is documented in the package description; every number is written by {@link ExactNumbers}, so
 * the file holds the policy's doubles exactly and the same policy always gives the same bytes.
 * Reading checks everything a user of the file relies on (format name and version, sizes that
 * chain, finite numbers) and reports the first problem in one line naming the key.
 */
public final class PolicyJson {

    /** Value of the {@code format} key. */
    public static final String FORMAT = "ablate4j-policy";
    /** The version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> KEYS = Set.of("format", "format_version", "env", "env_variant", "observation_size",
            "action_size", "activation", "observation_filter", "layers", "log_std", "action_low", "action_high",
            "clip_actions");
    private static final Set<String> FILTER_KEYS = Set.of("normalize", "clip", "clip_max", "epsilon", "count", "mean",
            "std");
    private static final Set<String> VARIANT_KEYS = Set.of("contact_forces_zeroed", "contact_cost");
    private static final Set<String> LAYER_KEYS = Set.of("in", "out", "weight", "bias");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private PolicyJson() {}

    // ---------------------------------------------------------------- writing

    /** The file's bytes (UTF-8, ending with a newline). */
    public static byte[] bytes(SavedPolicy p) {
        return text(p).getBytes(StandardCharsets.UTF_8);
    }

    /** The file's text. */
    public static String text(SavedPolicy p) {
        StringBuilder s = new StringBuilder();
        s.append("{\n");
        s.append("  \"format\": \"").append(FORMAT).append("\",\n");
        s.append("  \"format_version\": ").append(FORMAT_VERSION).append(",\n");
        s.append("  \"env\": ").append(quote(p.env())).append(",\n");
        s.append("  \"env_variant\": {\"contact_forces_zeroed\": ").append(p.variant().contactForcesZeroed())
                .append(", \"contact_cost\": ").append(p.variant().contactCost()).append("},\n");
        s.append("  \"observation_size\": ").append(p.observationSize()).append(",\n");
        s.append("  \"action_size\": ").append(p.actionSize()).append(",\n");
        s.append("  \"activation\": \"").append(p.activation().name().toLowerCase(Locale.ROOT)).append("\",\n");
        ObservationNormalizer f = p.filter();
        s.append("  \"observation_filter\": {\n");
        s.append("    \"normalize\": ").append(f.normalize()).append(",\n");
        s.append("    \"clip\": ").append(f.clip()).append(",\n");
        s.append("    \"clip_max\": ").append(ExactNumbers.format(f.clipMax())).append(",\n");
        s.append("    \"epsilon\": ").append(ExactNumbers.format(f.epsilon())).append(",\n");
        s.append("    \"count\": ").append(f.count()).append(",\n");
        s.append("    \"mean\": ").append(numbers(f.mean(), 0, f.size())).append(",\n");
        s.append("    \"std\": ").append(numbers(f.std(), 0, f.size())).append("\n");
        s.append("  },\n");
        s.append("  \"layers\": [\n");
        for (int l = 0; l < p.layers().size(); l++) {
            PolicyLayer layer = p.layers().get(l);
            double[] w = layer.weight();
            s.append("    {\n");
            s.append("      \"in\": ").append(layer.in()).append(",\n");
            s.append("      \"out\": ").append(layer.out()).append(",\n");
            s.append("      \"weight\": [\n");
            for (int i = 0; i < layer.in(); i++) {
                s.append("        ").append(numbers(w, i * layer.out(), layer.out()))
                        .append(i + 1 < layer.in() ? ",\n" : "\n");
            }
            s.append("      ],\n");
            s.append("      \"bias\": ").append(numbers(layer.bias(), 0, layer.out())).append("\n");
            s.append("    }").append(l + 1 < p.layers().size() ? ",\n" : "\n");
        }
        s.append("  ],\n");
        s.append("  \"log_std\": ").append(numbers(p.logStd(), 0, p.actionSize())).append(",\n");
        s.append("  \"action_low\": ").append(bounds(p.actionLow())).append(",\n");
        s.append("  \"action_high\": ").append(bounds(p.actionHigh())).append(",\n");
        s.append("  \"clip_actions\": ").append(p.clipActions()).append("\n");
        s.append("}\n");
        return s.toString();
    }

    private static String numbers(double[] x, int from, int count) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : ", ").append(ExactNumbers.format(x[from + i]));
        }
        return s.append(']').toString();
    }

    /** Bounds, with null for an unbounded side (JSON has no infinity). */
    private static String bounds(double[] x) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < x.length; i++) {
            s.append(i == 0 ? "" : ", ").append(Double.isInfinite(x[i]) ? "null" : ExactNumbers.format(x[i]));
        }
        return s.append(']').toString();
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads {@code file}.
     *
     * @throws BadPolicyException when it is missing, unreadable or not a valid policy; the message
     *     names the file and the problem
     */
    public static SavedPolicy read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadPolicyException(file + ": no such file");
        } catch (IOException e) {
            throw new BadPolicyException(file + ": unreadable (" + e.getMessage() + ")");
        }
        try {
            return parse(content);
        } catch (BadPolicyException e) {
            throw new BadPolicyException(file + ": " + e.getMessage());
        }
    }

    /** Parses the bytes of a {@code policy.json}; the message of a {@link BadPolicyException} names the key. */
    public static SavedPolicy parse(byte[] content) {
        if (new String(content, StandardCharsets.UTF_8).isBlank()) {
            throw new BadPolicyException("empty file");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (IOException e) {
            throw new BadPolicyException("not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadPolicyException("not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText(null))) {
            throw new BadPolicyException("not an ablate4j policy (the key \"format\" must be \"" + FORMAT + "\")");
        }
        int version = integer(root, "format_version", "");
        if (version != FORMAT_VERSION) {
            throw new BadPolicyException("format_version " + version + " is not supported; this ablate4j reads "
                    + FORMAT_VERSION);
        }
        onlyKeys(root, KEYS, "");
        String env = text(root, "env", "");
        JsonNode variantNode = object(root, "env_variant", "");
        onlyKeys(variantNode, VARIANT_KEYS, "env_variant.");
        EnvVariant variant = new EnvVariant(bool(variantNode, "contact_forces_zeroed", "env_variant."),
                bool(variantNode, "contact_cost", "env_variant."));
        int obsSize = integer(root, "observation_size", "");
        int actionSize = integer(root, "action_size", "");
        Activation activation = switch (text(root, "activation", "")) {
            case "tanh" -> Activation.TANH;
            case "relu" -> Activation.RELU;
            default -> throw new BadPolicyException("activation must be \"tanh\" or \"relu\", got "
                    + root.get("activation"));
        };
        ObservationNormalizer filter = filter(object(root, "observation_filter", ""));
        if (filter.size() != obsSize) {
            throw new BadPolicyException("observation_filter.mean has " + filter.size() + " values but "
                    + "observation_size is " + obsSize);
        }
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isArray()) {
            throw new BadPolicyException("layers must be an array of layers");
        }
        List<PolicyLayer> layers = new ArrayList<>();
        for (int l = 0; l < layersNode.size(); l++) {
            layers.add(layer(layersNode.get(l), "layers[" + l + "]"));
        }
        double[] logStd = numbers(root, "log_std", "", false);
        double[] low = numbers(root, "action_low", "", true);
        double[] high = numbers(root, "action_high", "", true);
        for (int j = 0; j < low.length; j++) {
            low[j] = Double.isNaN(low[j]) ? Double.NEGATIVE_INFINITY : low[j];
        }
        for (int j = 0; j < high.length; j++) {
            high[j] = Double.isNaN(high[j]) ? Double.POSITIVE_INFINITY : high[j];
        }
        SavedPolicy p = new SavedPolicy(env, variant, filter, layers, activation, logStd, low, high,
                bool(root, "clip_actions", ""));
        if (p.actionSize() != actionSize) {
            throw new BadPolicyException("the last layer has " + p.actionSize() + " outputs but action_size is "
                    + actionSize);
        }
        return p;
    }

    private static ObservationNormalizer filter(JsonNode node) {
        String at = "observation_filter.";
        onlyKeys(node, FILTER_KEYS, at);
        JsonNode count = node.get("count");
        if (count == null || !count.canConvertToLong() || !count.isIntegralNumber()) {
            throw new BadPolicyException(at + "count must be a whole number");
        }
        return new ObservationNormalizer(bool(node, "normalize", at), bool(node, "clip", at),
                number(node, "clip_max", at), number(node, "epsilon", at), count.longValue(),
                numbers(node, "mean", at, false), numbers(node, "std", at, false));
    }

    private static PolicyLayer layer(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new BadPolicyException(at + " must be an object with in, out, weight, bias");
        }
        onlyKeys(node, LAYER_KEYS, at + ".");
        int in = integer(node, "in", at + ".");
        int out = integer(node, "out", at + ".");
        if (in < 1 || out < 1) {
            throw new BadPolicyException(at + ": in and out must be >= 1, got " + in + " and " + out);
        }
        JsonNode rows = node.get("weight");
        if (rows == null || !rows.isArray() || rows.size() != in) {
            throw new BadPolicyException(at + ".weight must be an array of " + in + " rows (one per input), got "
                    + (rows == null || !rows.isArray() ? "none" : rows.size() + " rows"));
        }
        double[] w = new double[Math.multiplyExact(in, out)];
        for (int i = 0; i < in; i++) {
            double[] row = values(rows.get(i), at + ".weight[" + i + "]", false);
            if (row.length != out) {
                throw new BadPolicyException(at + ".weight[" + i + "] has " + row.length + " values, expected "
                        + out + " (the layer's out)");
            }
            System.arraycopy(row, 0, w, i * out, out);
        }
        double[] b = numbers(node, "bias", at + ".", false);
        if (b.length != out) {
            throw new BadPolicyException(at + ".bias has " + b.length + " values, expected " + out);
        }
        return new PolicyLayer(in, out, w, b);
    }

    private static void onlyKeys(JsonNode node, Set<String> allowed, String at) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new BadPolicyException("unknown key \"" + at + k + "\"");
            }
        }
        for (String k : allowed) {
            if (!node.has(k)) {
                throw new BadPolicyException("missing key \"" + at + k + "\"");
            }
        }
    }

    private static JsonNode object(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || !v.isObject()) {
            throw new BadPolicyException(at + key + " must be an object");
        }
        return v;
    }

    private static String text(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new BadPolicyException(at + key + " must be a string");
        }
        return v.textValue();
    }

    private static int integer(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BadPolicyException(at + key + " must be a whole number, got " + v);
        }
        return v.intValue();
    }

    private static boolean bool(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || !v.isBoolean()) {
            throw new BadPolicyException(at + key + " must be true or false, got " + v);
        }
        return v.booleanValue();
    }

    private static double number(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw new BadPolicyException(at + key + " must be a number, got " + v);
        }
        return v.doubleValue();
    }

    private static double[] numbers(JsonNode node, String key, String at, boolean nullable) {
        return values(node.get(key), at + key, nullable);
    }

    /** An array of numbers; with {@code nullable}, null entries read as NaN. */
    private static double[] values(JsonNode v, String name, boolean nullable) {
        if (v == null || !v.isArray()) {
            throw new BadPolicyException(name + " must be an array of numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (nullable && e.isNull()) {
                out[i] = Double.NaN;
            } else if (e.isNumber()) {
                out[i] = e.doubleValue();
            } else {
                throw new BadPolicyException(name + "[" + i + "] must be a number" + (nullable ? " or null" : "")
                        + ", got " + e);
            }
        }
        return out;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** For tests: a JSON tree of the file, to corrupt one key. */
    static ObjectNode tree(SavedPolicy p) {
        try {
            return (ObjectNode) MAPPER.readTree(bytes(p));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
