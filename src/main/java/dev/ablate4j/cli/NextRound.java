package dev.ablate4j.cli;

import dev.ablate4j.adaptive.Rounds;
import dev.ablate4j.adaptive.Setup;
import dev.ablate4j.matrix.AdaptiveMatrix;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.report.AdaptiveResults;
import java.util.List;

/**
 * The one way {@code matrix} and {@code plan --next-round} decide an adaptive spec's next round:
 * {@link Rounds#decide} on the results as the report reads them ({@link AdaptiveResults}).
 */
final class NextRound {

    private NextRound() {}

    /** The decider for {@code full}'s adaptive spec (its boundaries computed once). */
    static AdaptiveMatrix.Decider decider(Plan full) {
        Setup setup = full.setup();
        double[] boundaries = setup.boundaries();
        return specDir -> Rounds.decide(setup, AdaptiveResults.read(setup.spec(), List.of(specDir)), boundaries);
    }
}
