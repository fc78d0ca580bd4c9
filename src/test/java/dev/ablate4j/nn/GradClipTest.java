package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradClipTest {

    @Test
    void leavesGradientsAtOrUnderTheLimitUntouched() {
        double[] g = {3.0, 4.0};
        assertEquals(5.0, GradClip.clipGlobalNorm(g, 10.0), 0.0);
        assertArrayEquals(new double[] {3.0, 4.0}, g, 0.0);
        assertEquals(5.0, GradClip.clipGlobalNorm(g, 5.0), 0.0);
        assertArrayEquals(new double[] {3.0, 4.0}, g, 0.0);
    }

    @Test
    void rescalesGradientsOverTheLimitKeepingTheirDirection() {
        double[] g = {3.0, 0.0, -4.0};
        assertEquals(5.0, GradClip.clipGlobalNorm(g, 0.5), 0.0);
        double norm = GradClip.norm(g);
        assertTrue(norm <= 0.5 && norm > 0.5 * (1 - 1e-6), "norm after clipping " + norm);
        assertEquals(-0.75, g[0] / g[2], 1e-15);
        assertEquals(0.0, g[1], 0.0);
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> GradClip.clipGlobalNorm(new double[1], 0.0));
    }
}
