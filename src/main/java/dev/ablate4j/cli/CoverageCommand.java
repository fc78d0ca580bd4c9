package dev.ablate4j.cli;

import dev.ablate4j.stats.CoverageStudy;
import dev.ablate4j.stats.CoverageStudy.Cell;
import dev.ablate4j.stats.CoverageStudy.Data;
import dev.ablate4j.stats.CoverageStudy.Target;
import dev.ablate4j.stats.IntervalMethod;
import dev.ablate4j.stats.Intervals;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stats coverage}: the coverage of nominal intervals by method, sample size and population,
 * as a Markdown table ({@link CoverageStudy}); {@code docs/statistics.md} holds its output.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure how often nominal 95-percent intervals (t, bootstrap-t, percentile, bca) hold the true mean, "
                + "difference of means or IQM, on normal, lognormal, bimodal 'failed seeds' data and the committed "
                + "Walker2d TRPO+/TRPO final returns (40 each, drawn without replacement). Prints a Markdown table.",
            "Seeded: the same options give the same table. Bootstrap methods cost reps x resamples x n per cell."})
public final class CoverageCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--reps", defaultValue = "2000", description = "Samples per cell (default: ${DEFAULT-VALUE}).")
    private int reps;

    @Option(names = "--resamples", defaultValue = "1000",
            description = "Bootstrap resamples per interval, 100 to 1000000 (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--n", split = ",", defaultValue = "3,5,10,20,40", paramLabel = "<n>[,<n>...]",
            description = "Sample sizes, each 2 to 40 (default: ${DEFAULT-VALUE}).")
    private List<Integer> ns;

    @Option(names = "--interval", split = ",", defaultValue = "t,bootstrap-t,percentile,bca", paramLabel = "<method>[,<method>...]",
            description = "Methods to measure (default: ${DEFAULT-VALUE}).")
    private List<String> methods;

    @Option(names = "--data", split = ",", paramLabel = "<data>[,<data>...]",
            description = "Populations: normal, normal-unequal, lognormal, bimodal, walker (default: all).")
    private List<String> data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<IntervalMethod> ms = new ArrayList<>();
        List<Data> ds = new ArrayList<>();
        try {
            if (reps < 100 || reps > 10_000_000) {
                throw new IllegalArgumentException("--reps must be between 100 and 10000000, got " + reps);
            }
            for (String m : methods) {
                ms.add(IntervalOptions.check(resamples, m));
            }
            for (int n : ns) {
                if (n < 2 || n > 40) {
                    throw new IllegalArgumentException("--n: each size must be between 2 and 40, got " + n);
                }
            }
            for (String d : data == null ? List.<String>of() : data) {
                ds.add(dataNamed(d));
            }
        } catch (IllegalArgumentException | dev.ablate4j.report.ReportInputException e) {
            err.println("stats coverage: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ds.isEmpty()) {
            ds.addAll(Arrays.asList(Data.values()));
        }
        CoverageStudy study = new CoverageStudy(WalkerPopulation.trpoPlus(), WalkerPopulation.trpo());
        List<Cell> cells = study.table(ds, Arrays.asList(Target.values()), ns, ms, reps, resamples, 0.95, seed);
        out.print(markdown(cells, ms));
        out.printf(Locale.ROOT, "%nCoverage (%%) of nominal 95%% intervals; %d samples per cell, %d bootstrap resamples, seed %d;"
                + " Monte-Carlo standard error at most %.2f points (√(p(1 − p)/reps)). '-': not applicable (no IQM truth"
                + " for that population; a difference under bca is the percentile bootstrap). n/a intervals count as"
                + " misses.%n", reps, resamples, seed, 100 * cells.stream().mapToDouble(Cell::mcError).max().orElse(0));
        out.flush();
        return ExitCodes.OK;
    }

    private static Data dataNamed(String s) {
        for (Data d : Data.values()) {
            if (d.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(s.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("--data: unknown population '" + s
                + "'; allowed: normal, normal-unequal, lognormal, bimodal, walker");
    }

    /** Rows (statistic, population, n) by columns (method). */
    static String markdown(List<Cell> cells, List<IntervalMethod> ms) {
        StringBuilder sb = new StringBuilder("| statistic | data | n |");
        StringBuilder rule = new StringBuilder("|---|---|---:|");
        for (IntervalMethod m : ms) {
            sb.append(' ').append(m.cliName()).append(m == IntervalMethod.DEFAULT ? " (default)" : "").append(" |");
            rule.append("---:|");
        }
        sb.append('\n').append(rule).append('\n');
        Map<String, Map<IntervalMethod, Cell>> rows = new LinkedHashMap<>();
        for (Cell c : cells) {
            rows.computeIfAbsent(c.target().label() + " | " + c.data().label() + " | " + c.n(), k -> new LinkedHashMap<>())
                    .put(c.method(), c);
        }
        rows.forEach((key, byMethod) -> {
            sb.append("| ").append(key).append(" |");
            for (IntervalMethod m : ms) {
                Cell c = byMethod.get(m);
                sb.append(' ').append(c == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * c.coverage())).append(" |");
            }
            sb.append('\n');
        });
        return sb.toString();
    }

}
