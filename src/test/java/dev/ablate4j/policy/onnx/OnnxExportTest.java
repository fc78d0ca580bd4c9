package dev.ablate4j.policy.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Fn;
import dev.ablate4j.policy.Policies;
import dev.ablate4j.policy.PolicyActor;
import dev.ablate4j.policy.PolicyLayer;
import dev.ablate4j.policy.SavedPolicy;
import dev.ablate4j.policy.onnx.OnnxExport.InputType;
import dev.ablate4j.policy.onnx.proto.AttributeProto;
import dev.ablate4j.policy.onnx.proto.GraphProto;
import dev.ablate4j.policy.onnx.proto.ModelProto;
import dev.ablate4j.policy.onnx.proto.NodeProto;
import dev.ablate4j.policy.onnx.proto.TensorProto;
import dev.ablate4j.policy.onnx.proto.ValueInfoProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exported model read back with the generated classes: its declared versions, inputs and
 * outputs, its nodes for each filter setting, its tensors holding the policy's exact doubles, and
 * the graph evaluated by a small interpreter of the seven operators it uses (ONNX's definitions,
 * sums in ascending index order) giving the Java policy's means bit for bit. The check by onnx and
 * onnxruntime themselves is {@link OnnxRuntimeCheckTest}.
 */
class OnnxExportTest {

    private final SavedPolicy full = Policies.random("Hopper-v4", 11, new int[] {64, 64}, 3, Activation.TANH, true,
            true, 1);

    @Test
    void theModelDeclaresItsVersionsInputAndOutputs() throws Exception {
        ModelProto m = ModelProto.parseFrom(OnnxExport.bytes(full, InputType.FLOAT32, "1.2.3"));
        assertEquals(8, m.getIrVersion());
        assertEquals(1, m.getOpsetImportCount());
        assertEquals("", m.getOpsetImport(0).getDomain());
        assertEquals(17, m.getOpsetImport(0).getVersion());
        assertEquals("ablate4j", m.getProducerName());
        assertEquals("1.2.3", m.getProducerVersion());
        GraphProto g = m.getGraph();
        assertEquals(1, g.getInputCount());
        assertShape(g.getInput(0), "obs", TensorProto.DataType.FLOAT, "batch", 11);
        assertEquals(2, g.getOutputCount());
        assertShape(g.getOutput(0), "action_mean", TensorProto.DataType.DOUBLE, "batch", 3);
        assertShape(g.getOutput(1), "log_std", TensorProto.DataType.DOUBLE, null, 3);
        ModelProto f64 = ModelProto.parseFrom(OnnxExport.bytes(full, InputType.FLOAT64, "1.2.3"));
        assertShape(f64.getGraph().getInput(0), "obs", TensorProto.DataType.DOUBLE, "batch", 11);
        assertEquals("Hopper-v4", m.getMetadataPropsList().stream().filter(e -> e.getKey().equals("env")).findFirst()
                .orElseThrow().getValue());
    }

    @Test
    void theNodesFollowTheFilterSettings() throws Exception {
        assertEquals(List.of("Cast", "Sub", "Div", "Clip", "Gemm", "Tanh", "Gemm", "Tanh", "Gemm", "Identity"),
                ops(full, InputType.FLOAT32));
        assertEquals(List.of("Sub", "Div", "Clip", "Gemm", "Tanh", "Gemm", "Tanh", "Gemm", "Identity"),
                ops(full, InputType.FLOAT64));
        SavedPolicy relu = Policies.random("Pendulum-v1", 3, new int[] {4}, 1, Activation.RELU, false, false, 2);
        assertEquals(List.of("Cast", "Gemm", "Relu", "Gemm", "Identity"), ops(relu, InputType.FLOAT32));
        SavedPolicy normOnly = Policies.random("Pendulum-v1", 3, new int[] {4}, 1, Activation.TANH, true, false, 3);
        assertEquals(List.of("Sub", "Div", "Gemm", "Tanh", "Gemm", "Identity"), ops(normOnly, InputType.FLOAT64));
        SavedPolicy clipOnly = Policies.random("Pendulum-v1", 3, new int[] {}, 1, Activation.TANH, false, true, 4);
        assertEquals(List.of("Clip", "Gemm", "Identity"), ops(clipOnly, InputType.FLOAT64));
    }

    @Test
    void theTensorsHoldThePolicysExactDoubles() throws Exception {
        Map<String, TensorProto> t = initializers(ModelProto.parseFrom(OnnxExport.bytes(full, InputType.FLOAT32, "x")));
        for (int l = 0; l < full.layers().size(); l++) {
            PolicyLayer layer = full.layers().get(l);
            TensorProto w = t.get("layer" + l + ".weight");
            assertEquals(List.of((long) layer.in(), (long) layer.out()), w.getDimsList());
            assertEquals(TensorProto.DataType.DOUBLE_VALUE, w.getDataType());
            assertBits(layer.weight(), w.getDoubleDataList());
            assertBits(layer.bias(), t.get("layer" + l + ".bias").getDoubleDataList());
        }
        double[] scale = new double[11];
        for (int i = 0; i < 11; i++) {
            scale[i] = full.filter().std()[i] + full.filter().epsilon();
        }
        assertBits(full.filter().mean(), t.get("obs_mean").getDoubleDataList());
        assertBits(scale, t.get("obs_scale").getDoubleDataList());
        assertBits(full.logStd(), t.get("log_std_value").getDoubleDataList());
        assertEquals(0, t.get("obs_clip_max").getDimsCount(), "Clip's bounds are scalars");
        assertBits(new double[] {10.0}, t.get("obs_clip_max").getDoubleDataList());
        assertBits(new double[] {-10.0}, t.get("obs_clip_min").getDoubleDataList());
    }

    @Test
    void theSamePolicyGivesTheSameBytes() {
        assertArrayEquals(OnnxExport.bytes(full, InputType.FLOAT32, "v"), OnnxExport.bytes(full, InputType.FLOAT32, "v"));
        SavedPolicy other = Policies.random("Hopper-v4", 11, new int[] {64, 64}, 3, Activation.TANH, true, true, 9);
        assertFalse(java.util.Arrays.equals(OnnxExport.bytes(full, InputType.FLOAT32, "v"),
                OnnxExport.bytes(other, InputType.FLOAT32, "v")));
    }

    @Test
    void theGraphComputesTheJavaPolicysMeanBitForBit() throws Exception {
        for (SavedPolicy p : List.of(full,
                Policies.random("Hopper-v4", 11, new int[] {64, 64}, 3, Activation.RELU, true, true, 5),
                Policies.random("Pendulum-v1", 3, new int[] {16, 16}, 1, Activation.TANH, false, false, 6),
                Policies.random("Pendulum-v1", 3, new int[] {16}, 1, Activation.TANH, true, false, 7))) {
            for (InputType type : InputType.values()) {
                GraphProto g = ModelProto.parseFrom(OnnxExport.bytes(p, type, "x")).getGraph();
                PolicyActor actor = p.actor();
                SplittableRandom rng = new SplittableRandom(8);
                double[] obs = new double[p.observationSize()];
                double[] want = new double[p.actionSize()];
                for (int i = 0; i < 300; i++) {
                    for (int k = 0; k < obs.length; k++) {
                        double x = p.filter().mean()[k] + 20 * Fn.standardNormal(rng);
                        obs[k] = type == InputType.FLOAT32 ? (float) x : x;
                    }
                    actor.mean(obs, want);
                    Map<String, double[]> out = interpret(g, obs);
                    assertBits(want, out.get("action_mean"));
                    assertBits(p.logStd(), out.get("log_std"));
                }
            }
        }
    }

    // ---------------------------------------------------------------- a batch-1 interpreter

    /** Runs graph {@code g} on one observation; every value is a row (or a flat tensor). */
    private static Map<String, double[]> interpret(GraphProto g, double[] obs) {
        Map<String, double[]> v = new HashMap<>();
        Map<String, List<Long>> dims = new HashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            v.put(t.getName(), t.getDoubleDataList().stream().mapToDouble(Double::doubleValue).toArray());
            dims.put(t.getName(), t.getDimsList());
        }
        v.put("obs", obs.clone());
        for (NodeProto n : g.getNodeList()) {
            double[] a = v.get(n.getInput(0));
            double[] r = switch (n.getOpType()) {
                case "Cast" -> {
                    AttributeProto to = n.getAttribute(0);
                    assertEquals("to", to.getName());
                    assertEquals(TensorProto.DataType.DOUBLE_VALUE, to.getI());
                    yield a.clone();
                }
                case "Identity" -> a.clone();
                case "Sub" -> zip(a, v.get(n.getInput(1)), (x, y) -> x - y);
                case "Div" -> zip(a, v.get(n.getInput(1)), (x, y) -> x / y);
                case "Clip" -> {
                    double lo = v.get(n.getInput(1))[0];
                    double hi = v.get(n.getInput(2))[0];
                    double[] c = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        c[i] = a[i] < lo ? lo : a[i] > hi ? hi : a[i];
                    }
                    yield c;
                }
                case "Tanh" -> map(a, Fn::tanh);
                case "Relu" -> map(a, x -> x > 0 ? x : 0.0);
                case "Gemm" -> {
                    assertEquals(0, n.getAttributeCount(), "Gemm with its defaults: alpha = beta = 1, no transposes");
                    List<Long> d = dims.get(n.getInput(1));
                    int in = d.get(0).intValue();
                    int out = d.get(1).intValue();
                    assertEquals(in, a.length);
                    double[] w = v.get(n.getInput(1));
                    double[] b = v.get(n.getInput(2));
                    double[] y = new double[out];
                    for (int o = 0; o < out; o++) {
                        double s = b[o];
                        for (int i = 0; i < in; i++) {
                            s += a[i] * w[i * out + o];
                        }
                        y[o] = s;
                    }
                    yield y;
                }
                default -> throw new AssertionError("unexpected operator " + n.getOpType());
            };
            v.put(n.getOutput(0), r);
        }
        return v;
    }

    private static double[] zip(double[] a, double[] b, java.util.function.DoubleBinaryOperator f) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = f.applyAsDouble(a[i], b[i]);
        }
        return r;
    }

    private static double[] map(double[] a, java.util.function.DoubleUnaryOperator f) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = f.applyAsDouble(a[i]);
        }
        return r;
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> ops(SavedPolicy p, InputType type) throws Exception {
        return ModelProto.parseFrom(OnnxExport.bytes(p, type, "x")).getGraph().getNodeList().stream()
                .map(NodeProto::getOpType).toList();
    }

    private static Map<String, TensorProto> initializers(ModelProto m) {
        Map<String, TensorProto> out = new HashMap<>();
        m.getGraph().getInitializerList().forEach(t -> out.put(t.getName(), t));
        return out;
    }

    private static void assertShape(ValueInfoProto v, String name, TensorProto.DataType type, String batch, int width) {
        assertEquals(name, v.getName());
        assertEquals(type.getNumber(), v.getType().getTensorType().getElemType());
        var shape = v.getType().getTensorType().getShape();
        assertEquals(batch == null ? 1 : 2, shape.getDimCount());
        if (batch != null) {
            assertEquals(batch, shape.getDim(0).getDimParam());
        }
        assertEquals(width, shape.getDim(shape.getDimCount() - 1).getDimValue());
    }

    private static void assertBits(double[] expected, List<Double> actual) {
        assertBits(expected, actual.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "index " + i);
        }
    }
}
