package dev.ablate4j.nn;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Random orthogonal matrices, distributed uniformly (Haar): draw a Gaussian matrix, take its QR
 * decomposition and multiply each column of Q by the sign of the matching diagonal entry of R (the
 * sign correction; without it Householder QR favours one sign). This is the scheme of
 * Saxe et al. 2014 as used by PyTorch's {@code orthogonal_}.
 */
final class Orthogonal {

    private Orthogonal() {}

    /**
     * A rows x cols matrix with orthonormal rows (rows {@literal <=} cols) or orthonormal columns (rows > cols),
     * times {@code gain}. The rows x cols Gaussian entries are drawn row by row with
     * {@link Fn#standardNormal}.
     */
    static double[][] matrix(int rows, int cols, double gain, SplittableRandom rng) {
        if (!Double.isFinite(gain)) {
            throw new IllegalArgumentException("orthogonal init gain must be finite, got " + gain);
        }
        double[][] a = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                a[r][c] = Fn.standardNormal(rng);
            }
        }
        boolean wide = rows < cols;
        double[][] tall = wide ? transpose(a) : a; // tall: at least as many rows as columns
        int k = tall[0].length;
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(tall, false));
        RealMatrix q = qr.getQ();
        RealMatrix r = qr.getR();
        double[][] result = new double[tall.length][k];
        for (int j = 0; j < k; j++) {
            double sign = r.getEntry(j, j) < 0.0 ? -1.0 : 1.0;
            for (int i = 0; i < tall.length; i++) {
                result[i][j] = q.getEntry(i, j) * sign * gain;
            }
        }
        return wide ? transpose(result) : result;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
