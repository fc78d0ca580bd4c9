package dev.ablate4j.report.sections;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The calibration section's cost bound (moved here from VerdictsTest with the section). */
class CalibrationSectionTest {

    @Test
    void calibrationRepsAreBoundedOverTheReport() {
        assertEquals(2000, CalibrationSection.reps(2000, 8));
        assertEquals(CalibrationSection.BUDGET / 12, CalibrationSection.reps(2000, 12));
        assertEquals(500, CalibrationSection.reps(500, 12));
        assertEquals(CalibrationSection.BUDGET / 50, CalibrationSection.reps(2000, 50));
        assertEquals(CalibrationSection.MIN_REPS, CalibrationSection.reps(2000, 10_000));
    }
}
