package dev.ablate4j.cli;

import dev.ablate4j.matrix.Merger;
import dev.ablate4j.matrix.SpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code merge DIR... --into DIR}: union result trees (e.g. the shards of a CI matrix). */
@Command(name = "merge", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Union results directories into one. Finished runs (done or diverged) are copied;",
            "a run id found twice must have identical config.json, metrics.csv, episodes.csv,",
            "trust_region.csv and policy.json, otherwise nothing is written and the conflict is",
            "reported (exit 2). A copy without policy.json (made before runs saved it) gives way to",
            "an otherwise identical copy with one."})
public final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "results roots to merge")
    List<Path> sources;

    @Option(names = "--into", paramLabel = "<dir>", required = true, description = "target results root")
    Path into;

    @Override
    public Integer call() {
        Merger.Report report;
        OutputPath.check("--into", into);
        try {
            report = Merger.merge(sources, into);
        } catch (SpecException e) {
            throw new BadInputException(e.getMessage());
        }
        System.out.println(report);
        return ExitCodes.OK;
    }
}
