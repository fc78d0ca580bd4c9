package dev.ablate4j.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Holm–Bonferroni step-down adjustment of a family of p-values. */
public final class Holm {

    private Holm() {}

    /**
     * Adjusted p-values in the input order: sorted ascending, the i-th smallest (0-based) becomes
     * max over j ≤ i of min(1, (m − j) p₍ⱼ₎). NaN p-values stay NaN and do not count toward m.
     */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] valid = Arrays.copyOf(order, m);
        Arrays.sort(valid, Comparator.comparingDouble(i -> p[i]));
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        double running = 0;
        for (int k = 0; k < m; k++) {
            double adj = Math.min(1, (m - k) * p[valid[k]]);
            running = Math.max(running, adj);
            out[valid[k]] = running;
        }
        return out;
    }
}
