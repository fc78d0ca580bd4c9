package dev.ablate4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ablate4j.nn.Activation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyJsonTest {

    @TempDir
    Path tmp;

    private final SavedPolicy policy = Policies.random("Hopper-v4", 11, new int[] {8, 6}, 3, Activation.RELU, true,
            false, 5);

    @Test
    void writingThenReadingGivesEveryDoubleBackAndTheSameBytes() throws Exception {
        byte[] bytes = PolicyJson.bytes(policy);
        Path file = tmp.resolve("policy.json");
        Files.write(file, bytes);
        SavedPolicy back = PolicyJson.read(file);
        assertEquals(policy.env(), back.env());
        assertEquals(policy.activation(), back.activation());
        assertEquals(policy.clipActions(), back.clipActions());
        assertEquals(policy.layers().size(), back.layers().size());
        for (int l = 0; l < policy.layers().size(); l++) {
            assertBits(policy.layers().get(l).weight(), back.layers().get(l).weight());
            assertBits(policy.layers().get(l).bias(), back.layers().get(l).bias());
        }
        assertBits(policy.logStd(), back.logStd());
        assertBits(policy.filter().mean(), back.filter().mean());
        assertBits(policy.filter().std(), back.filter().std());
        assertEquals(policy.filter().count(), back.filter().count());
        assertEquals(policy.filter().normalize(), back.filter().normalize());
        assertEquals(policy.filter().clip(), back.filter().clip());
        assertArrayEquals(PolicyJson.bytes(policy), PolicyJson.bytes(back), "rewritten bytes differ");
        assertArrayEquals(bytes, PolicyJson.bytes(policy), "two writes of one policy differ");
    }

    @Test
    void unboundedActionsAreWrittenAsNullAndReadBackAsInfinite() {
        SavedPolicy p = policy;
        SavedPolicy unbounded = new SavedPolicy(p.env(), p.variant(), p.filter(), p.layers(), p.activation(), p.logStd(),
                new double[] {Double.NEGATIVE_INFINITY, -1, -2}, new double[] {1, Double.POSITIVE_INFINITY, 2}, false);
        String text = PolicyJson.text(unbounded);
        assertTrue(text.contains("\"action_low\": [null, -1.0, -2.0]"), text);
        assertTrue(text.contains("\"action_high\": [1.0, null, 2.0]"), text);
        SavedPolicy back = PolicyJson.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(Double.NEGATIVE_INFINITY, back.actionLow()[0]);
        assertEquals(Double.POSITIVE_INFINITY, back.actionHigh()[1]);
    }

    @Test
    void theEnvironmentVariantIsKept() {
        SavedPolicy p = policy;
        SavedPolicy v2 = new SavedPolicy("Humanoid-v4", new dev.ablate4j.env.EnvVariant(true, false), p.filter(),
                p.layers(), p.activation(), p.logStd(), p.actionLow(), p.actionHigh(), false);
        String text = PolicyJson.text(v2);
        assertTrue(text.contains("\"env_variant\": {\"contact_forces_zeroed\": true, \"contact_cost\": false}"), text);
        SavedPolicy back = PolicyJson.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(v2.variant(), back.variant());
        assertTrue(PolicyJson.text(policy).contains(
                "\"env_variant\": {\"contact_forces_zeroed\": false, \"contact_cost\": false}"));
    }

    @Test
    void theLayoutIsTheDocumentedOne() {
        String text = PolicyJson.text(policy);
        for (String key : new String[] {"\"format\": \"ablate4j-policy\"", "\"format_version\": 1",
            "\"env\": \"Hopper-v4\"", "\"observation_size\": 11", "\"action_size\": 3", "\"activation\": \"relu\"",
            "\"normalize\": true", "\"clip\": false", "\"clip_max\": 10.0", "\"epsilon\": 1.0e-08", "\"count\": 4096",
            "\"in\": 11", "\"out\": 8", "\"clip_actions\": false"}) {
            assertTrue(text.contains(key), key + " missing in\n" + text);
        }
        // weight: one row per input, each with one value per output
        ObjectNode tree = PolicyJson.tree(policy);
        ArrayNode rows = (ArrayNode) tree.get("layers").get(0).get("weight");
        assertEquals(11, rows.size());
        assertEquals(8, rows.get(0).size());
        assertEquals(policy.layers().get(0).weight(3, 5), rows.get(3).get(5).doubleValue());
    }

    @Test
    void aBrokenFileIsRefusedNamingTheKey() {
        assertBad("not valid JSON", PolicyJson.text(policy).substring(0, 300));
        assertBad("empty file", "");
        assertBad("not an ablate4j policy", "{\"layers\": []}");
        assertBad("format_version 2 is not supported", t -> t.put("format_version", 2));
        assertBad("missing key \"log_std\"", t -> t.remove("log_std"));
        assertBad("unknown key \"extra\"", t -> t.put("extra", 1));
        assertBad("activation must be \"tanh\" or \"relu\"", t -> t.put("activation", "sigmoid"));
        assertBad("observation_filter.mean has 11 values but observation_size is 12",
                t -> t.put("observation_size", 12));
        assertBad("the last layer has 3 outputs but action_size is 2", t -> t.put("action_size", 2));
        assertBad("layers[0].weight[2] has 7 values, expected 8",
                t -> ((ArrayNode) t.get("layers").get(0).get("weight").get(2)).remove(0));
        assertBad("layers[1].in is 7 but layers[0].out is 8", t -> {
            ObjectNode l1 = (ObjectNode) t.get("layers").get(1);
            l1.put("in", 7);
            ((ArrayNode) l1.get("weight")).remove(0);
        });
        assertBad("layers[2].bias must be an array of numbers", t -> ((ObjectNode) t.get("layers").get(2)).put("bias",
                "x"));
        ObjectNode infinite = PolicyJson.tree(policy);
        infinite.putArray("log_std").add(0.5).add(777.0).add(0.5);
        assertBad("log_std[1] is Infinity; every value must be finite", infinite.toString().replace("777.0", "1e999"));
        assertBad("log_std has 2 values but the network has 3", t -> ((ArrayNode) t.get("log_std")).remove(0));
        assertBad("observation_filter.std[0] must be a finite number >= 0",
                t -> ((ArrayNode) t.get("observation_filter").get("std")).set(0, t.numberNode(-1.0)));
        assertBad("observation_filter.count must be a whole number",
                t -> ((ObjectNode) t.get("observation_filter")).put("count", 1.5));
        assertBad("clip_actions must be true or false", t -> t.put("clip_actions", "no"));
        assertBad("env_variant.contact_cost must be true or false",
                t -> ((ObjectNode) t.get("env_variant")).put("contact_cost", 1));
        assertBad("action bounds of component 2 are not an interval",
                t -> ((ArrayNode) t.get("action_low")).set(2, t.numberNode(5.0)));
        assertBad("Duplicate field", "{\"format\": \"ablate4j-policy\", \"format\": \"ablate4j-policy\"}");
    }

    @Test
    void aMissingFileIsNamed() {
        BadPolicyException e = assertThrows(BadPolicyException.class, () -> PolicyJson.read(tmp.resolve("none.json")));
        assertEquals(tmp.resolve("none.json") + ": no such file", e.getMessage());
    }

    private void assertBad(String expected, Consumer<ObjectNode> corruption) {
        ObjectNode tree = PolicyJson.tree(policy);
        corruption.accept(tree);
        assertBad(expected, tree.toString());
    }

    private static void assertBad(String expected, String text) {
        BadPolicyException e = assertThrows(BadPolicyException.class,
                () -> PolicyJson.parse(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "index " + i);
        }
    }
}
