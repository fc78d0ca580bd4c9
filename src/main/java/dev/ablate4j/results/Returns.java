package dev.ablate4j.results;

/**
 * A run's score from its {@code metrics.csv} {@code mean_return} column, as the report, the
 * adaptive rounds and the TensorBoard export compute it.
 */
public final class Returns {

    /** Number of final iterations averaged into the final return. */
    public static final int FINAL_WINDOW = 5;

    private Returns() {}

    /**
     * Mean of the last {@value #FINAL_WINDOW} finite values (NaN rows, i.e. iterations in which no
     * episode ended, are skipped); NaN when there are none.
     */
    public static double finalReturn(double[] meanReturn) {
        double sum = 0;
        int count = 0;
        for (int i = meanReturn.length - 1; i >= 0 && count < FINAL_WINDOW; i--) {
            if (Double.isFinite(meanReturn[i])) {
                sum += meanReturn[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Max of the finite values; NaN when there are none. */
    public static double maxReturn(double[] meanReturn) {
        double max = Double.NaN;
        for (double v : meanReturn) {
            if (Double.isFinite(v) && !(v <= max)) {
                max = v;
            }
        }
        return max;
    }
}
