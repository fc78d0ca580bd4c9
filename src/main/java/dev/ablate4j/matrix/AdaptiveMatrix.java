package dev.ablate4j.matrix;

import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.RuleFile;
import dev.ablate4j.adaptive.Setup;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a spec with adaptive seeds round by round: decide the next round from the finished results
 * ({@link Decider}, a pure function of them), run its runs with a {@link MatrixRunner}, decide
 * again, until every cell's rule holds or has {@code max} seeds. After a crash or {@code kill -9} a
 * rerun decides the same round and resumes its runs from their checkpoints.
 *
 * <p>With a shard ({@code --shard k/n}) only shard k of the next round runs and the command stops:
 * the other shards' runs of that round are not there to decide on; a driver runs the next round
 * ({@code plan --next-round}, ci/README.md). The round's shards partition all of its runs (finished
 * or not), so every process computes the same partition. If a round's runs cannot all finish
 * (a run failed and waits for {@code --retry-failed}, or was taken over), it stops after that round.
 * Before anything is written, {@link NextStep#of} (the decision {@code plan --next-round} takes too)
 * compares the rule file {@code DIR/<spec>/adaptive.json} with the spec's rule and checks the
 * round's runs ({@link MatrixRunner#check}); then the rule file is written if it is missing.
 */
public final class AdaptiveMatrix {

    /** Where an adaptive spec stands, from the results below its spec directory. */
    public interface Decider {
        Decision decide(Path specDir);
    }

    /**
     * What an execution did.
     *
     * @param summary every run of the rounds it ran, in round then plan order
     * @param decision where the spec stands at the end
     * @param rounds how many rounds it ran
     */
    public record Result(Summary summary, Decision decision, int rounds) {}

    private AdaptiveMatrix() {}

    /**
     * @param full the whole plan (all seeds up to max)
     * @param listeners a progress listener per round, given a title like {@code "spec round 2"}
     */
    public static Result run(Plan full, Shard shard, Path results, MatrixOptions options, RunExecutor executor,
            Function<String, MatrixListener> listeners, Decider decider) {
        long started = System.nanoTime();
        Setup setup = full.setup();
        Path specDir = full.specDir(results);
        List<RunResult> all = new ArrayList<>();
        int rounds = 0;
        Decision d = NextStep.of(full, results, decider).decision();
        writeRule(specDir, setup);
        while (!d.complete()) {
            Plan round = full.only(d.roundRuns()).shard(shard);
            String title = full.spec().name() + " round " + (d.round() + 1) + (shard.n() > 1 ? " " + shard : "");
            MatrixRunner runner = new MatrixRunner(round, shard, results, options, executor, listeners.apply(title));
            all.addAll(runner.run().results());
            rounds++;
            Decision next = decider.decide(specDir);
            boolean stuck = !next.complete() && next.round() == d.round();
            d = next;
            if (shard.n() > 1 || stuck) {
                break;
            }
        }
        return new Result(new Summary(full.spec().name(), shard, List.copyOf(all), (System.nanoTime() - started) / 1e9),
                d, rounds);
    }

    private static void writeRule(Path specDir, Setup setup) {
        try {
            RuleFile.write(specDir, setup);
        } catch (IllegalStateException e) {
            throw new SpecException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new SpecException(specDir.resolve(RuleFile.NAME) + ": cannot write: " + e.getCause().getMessage());
        }
    }
}
