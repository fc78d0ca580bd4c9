package dev.ablate4j.adaptive;

import dev.ablate4j.adaptive.Familywise.Reading;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Familywise} reading of every comparison and every main effect of one adaptive design,
 * in the order of {@link Decision#comparisons()} and {@link Decision#effects()}.
 *
 * @param comparisons the comparisons' family (null when the design has fewer than two: a family of
 *     one reads as the design does)
 * @param comparisonReadings one reading per comparison state, or empty
 * @param effects the main effects' family (null when fewer than two)
 * @param effectReadings one reading per main-effect state, or empty
 */
public record FamilywiseReadings(Familywise comparisons, List<Reading> comparisonReadings, Familywise effects,
        List<Reading> effectReadings) {

    public FamilywiseReadings {
        comparisonReadings = List.copyOf(comparisonReadings);
        effectReadings = List.copyOf(effectReadings);
    }

    /**
     * The readings of {@code decision}, the design of {@code setup} replayed from {@code results};
     * none under {@code multiplicity: bonferroni}, whose verdicts hold for the design already.
     */
    public static FamilywiseReadings of(Setup setup, Decision decision, Rounds.Results results) {
        if (setup.rule().bonferroni()) {
            return new FamilywiseReadings(null, List.of(), null, List.of());
        }
        Familywise fc = null;
        List<Reading> cr = new ArrayList<>();
        if (decision.comparisons().size() > 1) {
            fc = Familywise.of(setup.rule(), decision.comparisons().size());
            for (Decision.ComparisonState c : decision.comparisons()) {
                cr.add(fc.read(Rounds.comparisonZ(setup, results, c.pair(), c.env()), decision.complete()));
            }
        }
        Familywise fe = null;
        List<Reading> er = new ArrayList<>();
        if (decision.effects().size() > 1) {
            fe = Familywise.of(setup.rule(), decision.effects().size());
            List<String> factors = setup.factors();
            String env = null;
            double[][] z = null;
            for (Decision.EffectState e : decision.effects()) {
                if (!e.env().equals(env)) {
                    env = e.env();
                    z = Rounds.mainEffectZ(setup, results, env);
                }
                int f = factors.indexOf(e.factor());
                double[] byLook = new double[z.length];
                for (int k = 0; k < z.length; k++) {
                    byLook[k] = z[k][f];
                }
                er.add(fe.read(byLook, decision.complete()));
            }
        }
        return new FamilywiseReadings(fc, cr, fe, er);
    }
}
