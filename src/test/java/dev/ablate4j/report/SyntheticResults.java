package dev.ablate4j.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes small results trees in the layout {@code train}/{@code matrix} produce, for tests:
 * {@code <root>/<spec>/<cell>/<env>/seed-<n>/} with config.json, cell.json, provenance.json,
 * metrics.csv, episodes.csv, optional trust_region.csv and the DONE marker.
 */
public final class SyntheticResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> ENVS = List.of("Pendulum-v1", "MountainCarContinuous-v0");
    public static final int ITERATIONS = 20;
    public static final int SEEDS = 5;

    private SyntheticResults() {}

    /** PPO preset flags. */
    public static Map<String, Object> ppoConfig() {
        Map<String, Object> c = new TreeMap<>();
        c.put("algo", "ppo");
        c.put("preset", "ppo");
        for (String k : OptimizationNames.keys()) {
            c.put(k, !k.equals("grad-clip"));
        }
        c.put("steps", 40960);
        c.put("clip-eps", 0.2);
        c.put("policy-lr", 3e-4);
        c.put("value-lr", 1.5e-4);
        c.put("gamma", 0.99);
        c.put("rollout-steps", 2048);
        c.put("hidden", List.of(64, 64));
        c.put("max-kl", 0.01);
        return c;
    }

    /**
     * The standard test tree: a 2×2 factorial over value-clip × reward-scale in the ppo preset
     * (4 cells) plus ppo-m, trpo and trpo+ cells, 2 envs, 5 seeds; and a few broken runs: one
     * without DONE, one diverged, one with a truncated metrics.csv, one with another step budget.
     * One run reports another tool version.
     */
    public static Path standardTree(Path root) {
        String spec = "quick";
        Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
        for (boolean vc : new boolean[] {true, false}) {
            for (boolean rs : new boolean[] {true, false}) {
                Map<String, Object> c = ppoConfig();
                c.put("value-clip", vc);
                c.put("reward-scale", rs);
                String label = "ppo" + (vc ? "" : " -value-clip") + (rs ? "" : " -reward-scale");
                cells.put(label, c);
            }
        }
        Map<String, Object> ppoM = ppoConfig();
        ppoM.put("preset", "ppo-m");
        for (String k : List.of("value-clip", "reward-scale", "ortho-init", "lr-anneal", "reward-clip", "obs-clip")) {
            ppoM.put(k, false);
        }
        cells.put("ppo-m", ppoM);
        Map<String, Object> trpo = new TreeMap<>(ppoM);
        trpo.put("algo", "trpo");
        trpo.put("preset", "trpo");
        cells.put("trpo", trpo);
        Map<String, Object> trpoPlus = ppoConfig();
        trpoPlus.put("algo", "trpo");
        trpoPlus.put("preset", "trpo+");
        cells.put("trpo+", trpoPlus);
        int cellNo = 0;
        for (Map.Entry<String, Map<String, Object>> cell : cells.entrySet()) {
            String cellId = String.format(Locale.ROOT, "c%02d", cellNo++);
            for (int e = 0; e < ENVS.size(); e++) {
                for (int s = 0; s < SEEDS; s++) {
                    Map<String, Object> config = new TreeMap<>(cell.getValue());
                    config.put("env", ENVS.get(e));
                    config.put("seed", s);
                    Path dir = root.resolve(spec).resolve(cellId).resolve(ENVS.get(e)).resolve("seed-" + s);
                    double finalScore = score(config, e, s);
                    Map<String, Object> cellJson = new LinkedHashMap<>();
                    cellJson.put("spec", spec);
                    cellJson.put("cell", cellId);
                    cellJson.put("label", cell.getKey());
                    cellJson.put("factors", Map.of());
                    writeRun(dir, config, cellJson, "done", curve(finalScore, s), true, s < 3,
                            cellNo == 1 && e == 0 && s == 4 ? "0.0.9" : "0.1.0");
                }
            }
        }
        // Broken runs, all in the baseline cell of the first env.
        Map<String, Object> base = new TreeMap<>(cells.get("ppo"));
        base.put("env", ENVS.get(0));
        Path baseDir = root.resolve(spec).resolve("c00").resolve(ENVS.get(0));
        Map<String, Object> cellJson = Map.of("spec", spec, "cell", "c00", "label", "ppo", "factors", Map.of());
        base.put("seed", 5);
        writeRun(baseDir.resolve("seed-5"), base, cellJson, "done", curve(900, 5), false, false, "0.1.0");
        base.put("seed", 6);
        writeRun(baseDir.resolve("seed-6"), base, cellJson, "diverged", curve(900, 6), true, false, "0.1.0");
        base.put("seed", 7);
        Path corrupt = baseDir.resolve("seed-7");
        writeRun(corrupt, base, cellJson, "done", curve(900, 7), true, false, "0.1.0");
        truncateLastLine(corrupt.resolve("metrics.csv"));
        base.put("seed", 8);
        base.put("steps", 20480);
        // half the iterations: metrics.csv agrees with its own config.json, which differs from the cell's
        writeRun(baseDir.resolve("seed-8"), base, cellJson, "done",
                java.util.Arrays.copyOf(curve(900, 8), ITERATIONS / 2), true, false, "0.1.0");
        return root;
    }

    /** Final score model: additive effects plus an interaction and seed noise. */
    static double score(Map<String, Object> c, int env, int seed) {
        double base = env == 0 ? -300 : 60;
        double scale = env == 0 ? 1 : 0.1;
        double v = base;
        boolean vc = Boolean.TRUE.equals(c.get("value-clip"));
        boolean rs = Boolean.TRUE.equals(c.get("reward-scale"));
        v += scale * ((vc ? 80 : 0) + (rs ? 150 : 0) + (vc && rs ? 60 : 0));
        v += scale * ("trpo".equals(c.get("algo")) ? -40 : 0);
        v += scale * 40 * new SplittableRandom(seed * 31L + env).nextGaussian();
        return v;
    }

    /** A learning curve rising to {@code finalScore}, with a NaN iteration early on. */
    static double[] curve(double finalScore, int seed) {
        double[] y = new double[ITERATIONS];
        SplittableRandom r = new SplittableRandom(seed);
        double start = finalScore - 400;
        for (int i = 0; i < ITERATIONS; i++) {
            y[i] = start + (finalScore - start) * (1 - StrictMath.exp(-i / 4.0)) + 5 * r.nextGaussian();
        }
        y[1] = Double.NaN; // an iteration in which no episode ended
        return y;
    }

    /**
     * Writes one run directory. Its {@code config.json} records {@code steps} as the iterations
     * written times {@code rollout-steps} (when the config has them), so that a done run holds the
     * rows its config trains, as the finished-run integrity check requires.
     */
    public static void writeRun(Path dir, Map<String, Object> config, Map<String, Object> cell, String status,
            double[] meanReturn, boolean done, boolean trust, String version) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> written = new LinkedHashMap<>(config);
            if (written.get("rollout-steps") instanceof Number t && written.containsKey("steps")) {
                written.put("steps", (long) meanReturn.length * t.longValue());
            }
            JSON.writeValue(dir.resolve("config.json").toFile(), written);
            if (cell != null) {
                JSON.writeValue(dir.resolve("cell.json").toFile(), cell);
            }
            Map<String, Object> prov = new LinkedHashMap<>();
            prov.put("ablate4j_version", version);
            prov.put("git_commit", "0123456789abcdef0123");
            prov.put("java_version", "17.0.15");
            prov.put("java_vendor", "Debian");
            prov.put("os", "Linux");
            prov.put("arch", "amd64");
            prov.put("mujoco_version", null);
            prov.put("start", "2026-01-01T00:00:00Z");
            prov.put("end", "2026-01-01T00:10:00Z");
            prov.put("status", status);
            if (status.equals("diverged")) {
                prov.put("diverged_at_iteration", 7);
            }
            JSON.writeValue(dir.resolve("provenance.json").toFile(), prov);
            StringBuilder m = new StringBuilder("iteration,env_steps,mean_return,episodes,policy_loss,value_loss,entropy,"
                    + "approx_kl,mean_kl,max_ratio,clip_fraction,policy_lr,value_lr,explained_variance,policy_grad_norm\n");
            StringBuilder ep = new StringBuilder("return,length,env_steps\n");
            for (int i = 0; i < meanReturn.length; i++) {
                long steps = 2048L * (i + 1);
                m.append(String.format(Locale.ROOT, "%d,%d,%s,%d,0.01,1.5,1.2,0.003,0.004,1.25,0.1,0.0003,0.00015,0.5,0.8%n",
                        i, steps, Double.isNaN(meanReturn[i]) ? "" : Double.toString(meanReturn[i]),
                        Double.isNaN(meanReturn[i]) ? 0 : 10));
                if (!Double.isNaN(meanReturn[i])) {
                    ep.append(String.format(Locale.ROOT, "%s,200,%d%n", meanReturn[i], steps));
                }
            }
            Files.writeString(dir.resolve("metrics.csv"), m);
            Files.writeString(dir.resolve("episodes.csv"), ep);
            if (trust) {
                StringBuilder t = new StringBuilder("iteration,max_ratio_train,mean_kl_train,max_ratio_heldout,mean_kl_heldout\n");
                boolean isTrpo = "trpo".equals(config.get("algo"));
                for (int i = 0; i < meanReturn.length; i += 2) {
                    double ratio = isTrpo ? 1.1 + 0.01 * i : 1.3 + 0.05 * i;
                    double kl = isTrpo ? 0.009 : 0.004 + 0.001 * i;
                    t.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s%n", i, ratio, kl, ratio * 1.1, kl * 1.2));
                }
                Files.writeString(dir.resolve("trust_region.csv"), t);
            }
            if (done) {
                Files.writeString(dir.resolve("DONE"), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the last line of a file in half (a run killed while writing). */
    public static void truncateLastLine(Path file) {
        try {
            String s = Files.readString(file);
            String trimmed = s.substring(0, s.length() - 1);
            int lastLine = trimmed.lastIndexOf('\n') + 1;
            Files.writeString(file, s.substring(0, lastLine + (s.length() - lastLine) / 3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
