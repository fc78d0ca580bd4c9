package dev.ablate4j.rl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Mlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * The reference data made by running CleanRL's and Stable-Baselines3's own PPO code
 * ({@code src/test/resources/reference/implementations/}, format in its README, generator
 * {@code src/test/python/implementations_reference.py}), and the conversions a test needs: JSON
 * arrays to row-major {@code double[]}, and the canonical PyTorch parameters ([out][in] Linear
 * weights) to ablate4j's flat layouts ({@link Mlp}: per layer the transposed weights, then the
 * biases; {@link dev.ablate4j.nn.GaussianPolicy}: the actor's Mlp, then log-std).
 */
public final class ImplementationsReference {

    public static final String UPDATE = "/reference/implementations/ppo-update.json.gz";
    public static final String NORMALIZERS = "/reference/implementations/normalizers.json";

    private static JsonNode update;
    private static JsonNode normalizers;

    private ImplementationsReference() {}

    /** {@code ppo-update.json.gz}, parsed once. */
    public static synchronized JsonNode update() {
        if (update == null) {
            update = read(UPDATE, true);
        }
        return update;
    }

    /** {@code normalizers.json}, parsed once. */
    public static synchronized JsonNode normalizers() {
        if (normalizers == null) {
            normalizers = read(NORMALIZERS, false);
        }
        return normalizers;
    }

    private static JsonNode read(String resource, boolean gzip) {
        try (InputStream raw = ImplementationsReference.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("test resource " + resource + " missing");
            }
            return new ObjectMapper().readTree(gzip ? new GZIPInputStream(raw) : raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON number array of any nesting, flattened row-major. */
    public static double[] flat(JsonNode array) {
        int n = count(array);
        double[] out = new double[n];
        fill(array, out, 0);
        return out;
    }

    private static int count(JsonNode node) {
        if (!node.isArray()) {
            return 1;
        }
        int n = 0;
        for (JsonNode x : node) {
            n += count(x);
        }
        return n;
    }

    private static int fill(JsonNode node, double[] out, int at) {
        if (!node.isArray()) {
            out[at] = node.asDouble();
            return at + 1;
        }
        for (JsonNode x : node) {
            at = fill(x, out, at);
        }
        return at;
    }

    /** The tanh 64-64 Mlp of {@code net} ("actor" or "critic") in {@code params} (canonical names). */
    public static Mlp mlp(JsonNode root, String net) {
        JsonNode params = root.get("initial_params");
        int in = params.get(net + ".0.weight").get(0).size();
        int out = params.get(net + ".4.weight").size();
        int[] hidden = {params.get(net + ".0.weight").size(), params.get(net + ".2.weight").size()};
        return new Mlp(in, hidden, out, Activation.TANH);
    }

    /** {@code net}'s layers 0, 2, 4 of {@code params} in ablate4j's Mlp layout. */
    public static double[] mlpParams(JsonNode params, Mlp mlp, String net) {
        double[] flat = new double[mlp.parameterCount()];
        int[] sizes = mlp.layerSizes();
        for (int l = 1; l < sizes.length; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            JsonNode w = params.get(net + "." + 2 * (l - 1) + ".weight");
            JsonNode b = params.get(net + "." + 2 * (l - 1) + ".bias");
            if (w.size() != m || w.get(0).size() != n || b.size() != m) {
                throw new IllegalStateException(net + " layer " + l + ": shape does not match " + n + " -> " + m);
            }
            int offset = mlp.weightOffset(l - 1);
            for (int o = 0; o < m; o++) {
                for (int i = 0; i < n; i++) {
                    flat[offset + i * m + o] = w.get(o).get(i).asDouble();
                }
                flat[offset + n * m + o] = b.get(o).asDouble();
            }
        }
        return flat;
    }

    /** The policy's parameters (actor Mlp, then log-std) in {@link dev.ablate4j.nn.GaussianPolicy}'s layout. */
    public static double[] policyParams(JsonNode params, Mlp actor) {
        double[] mlp = mlpParams(params, actor, "actor");
        double[] logStd = flat(params.get("log_std"));
        double[] all = new double[mlp.length + logStd.length];
        System.arraycopy(mlp, 0, all, 0, mlp.length);
        System.arraycopy(logStd, 0, all, mlp.length, logStd.length);
        return all;
    }

    /** The value network's parameters in {@link dev.ablate4j.nn.ValueNet}'s layout. */
    public static double[] valueParams(JsonNode params, Mlp critic) {
        return mlpParams(params, critic, "critic");
    }

    /** {@link ValueTrainer}'s value loss mean(...) (no ½) and its gradient with respect to V. */
    public static double valueLoss(double[] v, double[] old, double[] returns, int m, boolean valueClip, double clipEps,
            double[] grad) {
        return ValueTrainer.lossAndGradient(v, old, returns, null, m, valueClip, clipEps, grad);
    }
}
