package dev.ablate4j.cli;

import dev.ablate4j.tensorboard.BadExportException;
import dev.ablate4j.tensorboard.Export;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tensorboard RESULTS... --out LOGDIR}: result trees as a TensorBoard log directory. */
@Command(name = "tensorboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write result trees (finished and running runs) as a TensorBoard log directory:",
            "one run per <spec>/<cell label>/<env>/seed-<n> with a scalar for every",
            "metrics.csv and trust_region.csv column and each episode's return, at",
            "step = env steps (charts/mean_return, losses/value_loss,",
            "trust_region/max_ratio_train, charts/episodic_return, ...), and the switches,",
            "varied hyperparameters and final return as HParams. Same inputs, same bytes.",
            "Open with:      tensorboard --logdir LOGDIR",
            "Send to W&B:    wandb sync --sync-tensorboard LOGDIR"})
public final class TensorboardCommand implements Callable<Integer> {

    /** How many left-out runs to name before summarizing. */
    private static final int SHOW_SKIPPED = 5;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "results directories or run directories")
    private List<Path> roots;

    @Option(names = "--out", required = true, paramLabel = "<dir>",
            description = "log directory: new, empty, or an earlier export (replaced whole)")
    private Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Export.Result r;
        if (!java.nio.file.Files.isRegularFile(out)) { // a file --out: the export's own message
            OutputPath.check("--out", out);
        }
        if (out.toAbsolutePath().getParent() != null) {
            OutputPath.check("--out", out.toAbsolutePath().getParent()); // the export is written beside it
        }
        try {
            r = Export.export(roots, out);
        } catch (BadExportException e) {
            throw new BadInputException(e.getMessage());
        }
        int skipped = r.skipped().size();
        if (skipped > 0) {
            err.println("tensorboard: left out " + skipped + " of " + (skipped + r.runs().size()) + " run directories"
                    + (skipped > SHOW_SKIPPED ? "; the first " + SHOW_SKIPPED + ":" : ":"));
        }
        for (int i = 0; i < Math.min(SHOW_SKIPPED, skipped); i++) {
            err.println("tensorboard:   " + r.skipped().get(i));
        }
        if (skipped > SHOW_SKIPPED) {
            err.println("tensorboard:   ... " + (skipped - SHOW_SKIPPED) + " more (" + skipped + " in all)");
        }
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        o.printf("tensorboard: %d runs (%d left out) -> %s (open with: tensorboard --logdir %s)%n", r.runs().size(),
                skipped, out, out);
        o.flush();
        return ExitCodes.OK;
    }
}
