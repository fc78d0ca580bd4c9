package dev.ablate4j.policy;

/**
 * One fully connected layer of a saved policy's mean network: {@code y = x · W + b} for a row
 * vector {@code x} of {@code in} values.
 *
 * @param in     fan-in, at least 1
 * @param out    fan-out, at least 1
 * @param weight {@code in × out} values, row-major: element (i, o), input i to output o, at
 *               {@code i * out + o} (the layout of {@link dev.ablate4j.nn.Mlp})
 * @param bias   {@code out} values
 */
public record PolicyLayer(int in, int out, double[] weight, double[] bias) {

    public PolicyLayer {
        if (in < 1 || out < 1) {
            throw new BadPolicyException("a layer needs in >= 1 and out >= 1, got in " + in + ", out " + out);
        }
        if (weight.length != (long) in * out) {
            throw new BadPolicyException("a layer of in " + in + ", out " + out + " needs " + (long) in * out
                    + " weights, got " + weight.length);
        }
        if (bias.length != out) {
            throw new BadPolicyException("a layer of out " + out + " needs " + out + " biases, got " + bias.length);
        }
        weight = weight.clone();
        bias = bias.clone();
    }

    /** A copy of the weights ({@code in × out}, row-major). */
    @Override
    public double[] weight() {
        return weight.clone();
    }

    /** A copy of the biases. */
    @Override
    public double[] bias() {
        return bias.clone();
    }

    /** Weight (i, o): from input {@code i} to output {@code o}. */
    public double weight(int i, int o) {
        return weight[i * out + o];
    }

    /** Bias of output {@code o}. */
    public double bias(int o) {
        return bias[o];
    }
}
