package dev.ablate4j.policy.onnx;

import dev.ablate4j.nn.Activation;
import dev.ablate4j.policy.ExactNumbers;
import dev.ablate4j.policy.ObservationNormalizer;
import dev.ablate4j.policy.PolicyLayer;
import dev.ablate4j.policy.SavedPolicy;
import dev.ablate4j.policy.onnx.proto.AttributeProto;
import dev.ablate4j.policy.onnx.proto.GraphProto;
import dev.ablate4j.policy.onnx.proto.ModelProto;
import dev.ablate4j.policy.onnx.proto.NodeProto;
import dev.ablate4j.policy.onnx.proto.OperatorSetIdProto;
import dev.ablate4j.policy.onnx.proto.StringStringEntryProto;
import dev.ablate4j.policy.onnx.proto.TensorProto;
import dev.ablate4j.policy.onnx.proto.TensorShapeProto;
import dev.ablate4j.policy.onnx.proto.TypeProto;
import dev.ablate4j.policy.onnx.proto.ValueInfoProto;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A {@link SavedPolicy} as one ONNX graph from the raw observation to the action mean, with the
 * log-std as a second output (see the package description for the graph, its names and types).
 * The same policy and settings always give the same bytes.
 */
public final class OnnxExport {

    /** The ONNX IR version of the model (the IR of ONNX 1.12, the first release with opset 17). */
    public static final long IR_VERSION = 8;
    /** The version of the default ("ai.onnx") operator set the graph uses. */
    public static final long OPSET = 17;
    /** Name of the graph's input: the raw observations, [batch, observation size]. */
    public static final String INPUT = "obs";
    /** Name of the first output: the action means, float64 [batch, action size]. */
    public static final String ACTION_MEAN = "action_mean";
    /** Name of the second output: the log standard deviations, float64 [action size]. */
    public static final String LOG_STD = "log_std";

    /** Element type of the graph's input; the graph computes in float64 either way. */
    public enum InputType {
        /** float32 observations (cast to float64 exactly, first thing in the graph). */
        FLOAT32(TensorProto.DataType.FLOAT),
        /** float64 observations, used as they are. */
        FLOAT64(TensorProto.DataType.DOUBLE);

        private final TensorProto.DataType type;

        InputType(TensorProto.DataType type) {
            this.type = type;
        }

        /** The command-line spelling: float32, float64. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private OnnxExport() {}

    /** The model's bytes. */
    public static byte[] bytes(SavedPolicy policy, InputType inputType, String producerVersion) {
        return model(policy, inputType, producerVersion).toByteArray();
    }

    /** The model. */
    public static ModelProto model(SavedPolicy policy, InputType inputType, String producerVersion) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("ablate4j_policy");
        g.setDocString("The mean action of an ablate4j policy trained on " + policy.env()
                + ": observation filter (frozen), then the mean network; log_std is the Gaussian's log standard "
                + "deviation. Computed in float64.");
        int obs = policy.observationSize();
        int act = policy.actionSize();
        g.addInput(valueInfo(INPUT, inputType.type, "batch", obs));
        String x = INPUT;
        if (inputType == InputType.FLOAT32) {
            g.addNode(node("Cast", "cast_to_float64", new String[] {x}, "obs_float64")
                    .addAttribute(intAttribute("to", TensorProto.DataType.DOUBLE_VALUE)));
            x = "obs_float64";
        }
        ObservationNormalizer f = policy.filter();
        if (f.normalize()) {
            double[] scale = new double[obs];
            for (int i = 0; i < obs; i++) {
                scale[i] = f.scale(i);
            }
            g.addInitializer(tensor("obs_mean", f.mean(), obs));
            g.addInitializer(tensor("obs_scale", scale, obs));
            g.addNode(node("Sub", "normalize_center", new String[] {x, "obs_mean"}, "obs_centered"));
            g.addNode(node("Div", "normalize_scale", new String[] {"obs_centered", "obs_scale"}, "obs_normalized"));
            x = "obs_normalized";
        }
        if (f.clip()) {
            g.addInitializer(tensor("obs_clip_min", new double[] {-f.clipMax()}));
            g.addInitializer(tensor("obs_clip_max", new double[] {f.clipMax()}));
            g.addNode(node("Clip", "clip", new String[] {x, "obs_clip_min", "obs_clip_max"}, "obs_clipped"));
            x = "obs_clipped";
        }
        int last = policy.layers().size() - 1;
        for (int l = 0; l <= last; l++) {
            PolicyLayer layer = policy.layers().get(l);
            String w = "layer" + l + ".weight";
            String b = "layer" + l + ".bias";
            g.addInitializer(tensor(w, layer.weight(), layer.in(), layer.out()));
            g.addInitializer(tensor(b, layer.bias(), layer.out()));
            String linear = l == last ? ACTION_MEAN : "layer" + l + ".linear";
            g.addNode(node("Gemm", "layer" + l, new String[] {x, w, b}, linear));
            if (l < last) {
                String op = policy.activation() == Activation.TANH ? "Tanh" : "Relu";
                x = "layer" + l + ".activation";
                g.addNode(node(op, "layer" + l + "_" + op.toLowerCase(Locale.ROOT), new String[] {linear}, x));
            }
        }
        g.addInitializer(tensor("log_std_value", policy.logStd(), act));
        g.addNode(node("Identity", "log_std", new String[] {"log_std_value"}, LOG_STD));
        g.addOutput(valueInfo(ACTION_MEAN, TensorProto.DataType.DOUBLE, "batch", act));
        g.addOutput(valueInfo(LOG_STD, TensorProto.DataType.DOUBLE, null, act));

        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("ablate4j")
                .setProducerVersion(producerVersion)
                .setDomain("dev.ablate4j")
                .setModelVersion(1)
                .setDocString("Gaussian policy exported by ablate4j export-onnx from a policy.json (format version "
                        + dev.ablate4j.policy.PolicyJson.FORMAT_VERSION + ").")
                .setGraph(g);
        metadata(m, "env", policy.env());
        metadata(m, "env_variant", "contact_forces_zeroed=" + policy.variant().contactForcesZeroed() + ", contact_cost="
                + policy.variant().contactCost());
        metadata(m, "activation", policy.activation().name().toLowerCase(Locale.ROOT));
        metadata(m, "observation_normalize", Boolean.toString(f.normalize()));
        metadata(m, "observation_clip", f.clip() ? ExactNumbers.format(f.clipMax()) : "false");
        metadata(m, "action_low", list(policy.actionLow()));
        metadata(m, "action_high", list(policy.actionHigh()));
        metadata(m, "clip_actions", Boolean.toString(policy.clipActions()));
        return m.build();
    }

    private static void metadata(ModelProto.Builder m, String key, String value) {
        m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
    }

    private static String list(double[] x) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double v : x) {
            j.add(Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : ExactNumbers.format(v));
        }
        return j.toString();
    }

    private static NodeProto.Builder node(String op, String name, String[] inputs, String output) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String in : inputs) {
            n.addInput(in);
        }
        return n;
    }

    private static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    /** A float64 tensor of the given dims (none: a scalar), values in row-major order. */
    private static TensorProto tensor(String name, double[] values, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.DOUBLE_VALUE);
        long count = 1;
        for (long d : dims) {
            t.addDims(d);
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + count + " elements");
        }
        for (double v : values) {
            t.addDoubleData(v);
        }
        return t.build();
    }

    /** A tensor value: [batch, width] when {@code batchName} is given, else [width]. */
    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, String batchName, int width) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        if (batchName != null) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batchName));
        }
        shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
                .build();
    }
}
