package dev.ablate4j.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV files of a run directory: each one's name and header, the one writer
 * ({@link #create}/{@link #resume}: an append-only {@link CsvLog}) and the one reader ({@link #read}:
 * a strict numeric {@link CsvTable}). Rows are printed by {@link Num} so every JDK writes the same
 * characters; an empty cell is a value that does not exist (an iteration in which no episode ended
 * has no mean return).
 *
 * <pre>
 * metrics.csv       the columns of {@link MetricsRow#HEADER}, one row per iteration
 * episodes.csv      return,length,env_steps                 one row per finished episode
 * trust_region.csv  iteration,max_ratio_train,mean_kl_train,max_ratio_heldout,mean_kl_heldout
 *                                                          every tr-log-every-th iteration from 0
 * timing.csv        iteration,sample_seconds,update_seconds,total_seconds (wall clock: never compared)
 * eval.csv          episode,return,length                   written by ablate4j evaluate
 * </pre>
 *
 * @param name   the file name in a run directory
 * @param header the header row
 */
public record RunCsv(String name, List<String> header) {

    public static final String ITERATION = MetricsRow.ITERATION;
    public static final String ENV_STEPS = MetricsRow.ENV_STEPS;
    public static final String MEAN_RETURN = MetricsRow.MEAN_RETURN;
    public static final String RETURN = "return";
    public static final String LENGTH = "length";
    public static final String EPISODE = "episode";
    public static final String MAX_RATIO_TRAIN = "max_ratio_train";
    public static final String MEAN_KL_TRAIN = "mean_kl_train";
    public static final String MAX_RATIO_HELDOUT = "max_ratio_heldout";
    public static final String MEAN_KL_HELDOUT = "mean_kl_heldout";
    public static final String SAMPLE_SECONDS = "sample_seconds";
    public static final String UPDATE_SECONDS = "update_seconds";
    public static final String TOTAL_SECONDS = "total_seconds";

    public static final RunCsv METRICS = new RunCsv(RunFiles.METRICS, MetricsRow.HEADER);
    public static final RunCsv EPISODES = new RunCsv(RunFiles.EPISODES, List.of(RETURN, LENGTH, ENV_STEPS));
    public static final RunCsv TRUST_REGION = new RunCsv(RunFiles.TRUST_REGION,
            List.of(ITERATION, MAX_RATIO_TRAIN, MEAN_KL_TRAIN, MAX_RATIO_HELDOUT, MEAN_KL_HELDOUT));
    public static final RunCsv TIMING = new RunCsv(RunFiles.TIMING,
            List.of(ITERATION, SAMPLE_SECONDS, UPDATE_SECONDS, TOTAL_SECONDS));
    public static final RunCsv EVAL = new RunCsv(RunFiles.EVAL, List.of(EPISODE, RETURN, LENGTH));

    public RunCsv {
        header = List.copyOf(header);
    }

    /** The file in {@code runDir}. */
    public Path file(Path runDir) {
        return runDir.resolve(name);
    }

    /** Creates (or empties) the file in {@code runDir} and writes the header. */
    public CsvLog create(Path runDir) {
        return CsvLog.create(file(runDir), header);
    }

    /** Opens the file in {@code runDir} cut back to {@code length} bytes (a checkpoint's), for appending. */
    public CsvLog resume(Path runDir, long length) {
        return CsvLog.openForResume(file(runDir), length);
    }

    /**
     * Reads the file in {@code runDir} strictly; errors name it as {@code shown/name} with the line.
     *
     * @param required columns that must be in the header
     */
    public CsvTable read(Path runDir, String shown, String... required) throws CorruptFileException, IOException {
        return CsvTable.read(file(runDir), shown + "/" + name, Arrays.asList(required));
    }

    /** An {@code episodes.csv} row. */
    public static List<String> episodeRow(double totalReturn, int length, long envSteps) {
        return List.of(Num.format(totalReturn), Integer.toString(length), Long.toString(envSteps));
    }

    /** A {@code trust_region.csv} row. */
    public static List<String> trustRegionRow(int iteration, double maxRatioTrain, double meanKlTrain,
            double maxRatioHeldout, double meanKlHeldout) {
        return List.of(Integer.toString(iteration), Num.format(maxRatioTrain), Num.format(meanKlTrain),
                Num.format(maxRatioHeldout), Num.format(meanKlHeldout));
    }

    /** A {@code timing.csv} row. */
    public static List<String> timingRow(int iteration, double sampleSeconds, double totalSeconds) {
        return List.of(Integer.toString(iteration), Num.format(sampleSeconds), Num.format(totalSeconds - sampleSeconds),
                Num.format(totalSeconds));
    }

    /** An {@code eval.csv} row. */
    public static List<String> evalRow(int episode, double totalReturn, int length) {
        return List.of(Integer.toString(episode), Num.format(totalReturn), Integer.toString(length));
    }

    /** The whole text of a CSV file: the header and {@code rows}, each line ending with a newline. */
    public String text(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (List<String> row : rows) {
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }
}
