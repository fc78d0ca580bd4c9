package dev.ablate4j.env;

import java.util.Arrays;

/** A Gymnasium Box space: a vector of the given size with element-wise bounds (may be infinite). */
public record Box(double[] low, double[] high) {

    public Box {
        if (low.length != high.length) {
            throw new IllegalArgumentException("low and high differ in length");
        }
        low = low.clone();
        high = high.clone();
    }

    /** A box with the same bounds in every dimension. */
    public static Box uniform(int size, double low, double high) {
        double[] lo = new double[size];
        double[] hi = new double[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    public int size() {
        return low.length;
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }
}
