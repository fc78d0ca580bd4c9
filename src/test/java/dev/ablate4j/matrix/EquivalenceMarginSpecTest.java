package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The spec keys {@code equivalence-margin} and {@code interval}: checked when read (the report reads them from the recorded spec.yaml). */
class EquivalenceMarginSpecTest {

    private static String spec(String name, String margin) {
        return Specs.twoByTwo(name) + (margin == null ? "" : "equivalence-margin: " + margin + "\n");
    }

    @Test
    void aPositiveMarginIsReadAndAbsentIsNull() {
        assertEquals(150.0, Specs.parse(spec("m", "150")).equivalenceMargin());
        assertEquals(0.5, Specs.parse(spec("m", "0.5")).equivalenceMargin());
        assertNull(Specs.parse(spec("m", null)).equivalenceMargin());
    }

    @Test
    void theIntervalKeyNamesAnIntervalMethodOrIsOneClearError() {
        assertEquals(dev.ablate4j.stats.IntervalMethod.PERCENTILE,
                Specs.parse(Specs.twoByTwo("m") + "interval: percentile\n").interval());
        assertEquals(dev.ablate4j.stats.IntervalMethod.BOOTSTRAP_T,
                Specs.parse(Specs.twoByTwo("m") + "interval: Bootstrap-T\n").interval());
        assertNull(Specs.parse(spec("m", null)).interval());
        for (String bad : new String[] {"bootstrap", "3", "[t]"}) {
            SpecException e = assertThrows(SpecException.class,
                    () -> Specs.parse(Specs.twoByTwo("m") + "interval: " + bad + "\n"), bad);
            assertTrue(e.getMessage().startsWith("test.yaml"), e.getMessage());
            assertTrue(e.getMessage().contains("interval: must name the report's interval method (t, bootstrap-t,"
                    + " percentile, bca)"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aMarginThatIsNotPositiveAndFiniteIsOneClearError() {
        for (String bad : new String[] {"0", "-3", "1e999", "abc", "[1, 2]"}) {
            SpecException e = assertThrows(SpecException.class, () -> Specs.parse(spec("m", bad)), bad);
            assertTrue(e.getMessage().startsWith("test.yaml"), e.getMessage());
            assertTrue(e.getMessage().contains("equivalence-margin"), e.getMessage());
            assertTrue(e.getMessage().contains("positive finite number"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
