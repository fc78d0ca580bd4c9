package dev.ablate4j.report;

import dev.ablate4j.results.SpecRecord;
import java.util.List;

/**
 * A spec directory of the inputs holding the spec its last {@code matrix} ran ({@link SpecRecord}):
 * the report covers that spec's runs and names the other cells found there.
 *
 * @param name     the spec's name (its directory's name)
 * @param specDir  the spec directory, as the inputs name it ({@code my/results/fact2x2})
 * @param results  the results root above it, as the inputs name it ({@code my/results}; "." when none)
 * @param record   what {@code spec.json} records
 * @param others   cells found in the directory that the spec does not have, sorted by id
 * @param otherRuns runs of the spec's cells on environments or seeds the spec does not have
 * @param included whether runs outside the spec were included ({@code --all-cells}) rather than left out
 */
public record RecordedSpec(String name, String specDir, String results, SpecRecord record, List<OtherCell> others,
        int otherRuns, boolean included) {

    /**
     * A cell found in a spec directory that its recorded spec does not have.
     *
     * @param config the {@code config.json} of one of its runs (empty when unreadable)
     */
    public record OtherCell(String id, String label, int runs, java.util.Map<String, Object> config) {}

    /** Runs found in the directory but outside the spec (other cells, envs or seeds). */
    public int outsideRuns() {
        return others.stream().mapToInt(OtherCell::runs).sum() + otherRuns;
    }
}
