package dev.ablate4j.cli;

import dev.ablate4j.bench.Machine;
import dev.ablate4j.bench.MatrixSpeedup;
import dev.ablate4j.bench.TrainingBenchmark;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.matrix.RunExecutor;
import dev.ablate4j.matrix.SpecException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: training speed of a fixed configuration, or the speed-up of a matrix with more workers. */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Train a fixed short configuration (the ppo preset on Pendulum-v1: T = 2048, 10 epochs x 32",
            "minibatches, 64-64 tanh networks, one seed) in memory and print env steps/s for sampling, update",
            "and total (wall time and CPU time of the training thread), the steady-state speed, heap peak and",
            "allocation per iteration. With --matrix, run a spec's whole matrix with 1 and with --workers",
            "workers (into temporary directories) and print the speed-up.",
            "Other processes on the machine slow the wall-time figures: the load average is printed with them."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--steps", paramLabel = "<n>", description = "env steps to train (default: 100000)")
    long steps = 100_000;

    @Option(names = "--seed", paramLabel = "<n>", description = "master seed (default: 0)")
    long seed;

    @Option(names = "--hidden", paramLabel = "<widths>", description = "hidden layer widths (default: 64,64)")
    String hidden = "64,64";

    @Option(names = "--backend", paramLabel = "<name>",
            description = "where the batch network computations run: java, nd4j or auto (default: java)")
    String backend = "java";

    @Option(names = "--precision", paramLabel = "<format>",
            description = "number format of the networks: float64 or float32 (default: float64)")
    String precision = "float64";

    @Option(names = "--matrix", description = "measure the matrix speed-up from 1 to --workers workers instead")
    boolean matrix;

    @Option(names = "--spec", paramLabel = "<file>", description = "spec file for --matrix (default: ablations/quickstart.yaml)")
    Path spec = Path.of("ablations", "quickstart.yaml");

    @Option(names = "--workers", paramLabel = "<n>",
            description = "workers of the parallel --matrix run (default: the number of cores)")
    int workers = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        Machine machine = Machine.current();
        PrintWriter out = commandSpec.commandLine().getOut();
        if (matrix) {
            if (workers < 2) {
                throw new BadInputException("--workers: " + workers + " must be at least 2 to compare with 1 worker");
            }
            if (!Files.isRegularFile(spec)) {
                throw new BadInputException("--spec: " + spec + " is not a file (run from the project directory, "
                        + "or name a spec file)");
            }
            MatrixSpeedup.Result result;
            try {
                result = MatrixSpeedup.run(spec, workers, RunExecutor.driver(MujocoInfo::version));
            } catch (SpecException e) {
                throw new BadInputException(e.getMessage());
            }
            out.print(result.table(machine));
        } else {
            if (steps < 1) {
                throw new BadInputException("--steps: " + steps + " is not a positive whole number");
            }
            TrainConfig config = TrainingBenchmark.standardConfig(steps, seed, hidden, backend, precision);
            out.print(TrainingBenchmark.run(config).table(machine));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
