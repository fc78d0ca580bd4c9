package dev.ablate4j.report.sections;

import dev.ablate4j.config.ConfigDiff;
import dev.ablate4j.report.Block;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.ResultCell;
import dev.ablate4j.report.ResultsTree;
import dev.ablate4j.report.Run;
import dev.ablate4j.report.Table;
import dev.ablate4j.report.Values;
import dev.ablate4j.results.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Appendix: tool versions, JDKs, platforms, run counts, configs, and every run left out and why. */
public final class ProvenanceSection {

    private ProvenanceSection() {}

    public static List<Block> blocks(ReportContext ctx) {
        ResultsTree tree = ctx.tree;
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Appendix: provenance"));
        out.add(counts("Tool version and commit", tree, p -> p.get(Provenance.VERSION) + " @ "
                + shortCommit(p.get(Provenance.COMMIT)) + (Provenance.builtDirty(p) ? DIRTY_MARK : "")));
        String dirty = dirtyBuilds(tree.runs().stream().map(Run::provenance).toList());
        if (dirty != null) {
            out.add(new Block.Paragraph(dirty));
        }
        out.add(counts("JDK", tree, p -> p.get(Provenance.JAVA_VERSION) + " ("
                + p.get(Provenance.JAVA_VENDOR) + ")"));
        out.add(counts("Platform", tree, p -> p.get(Provenance.OS) + " / " + p.get(Provenance.ARCH)));
        out.add(counts("libmujoco", tree, p -> p.get(Provenance.MUJOCO_VERSION) == null
                ? "none (classic control only)" : String.valueOf(p.get(Provenance.MUJOCO_VERSION))));
        Table.Builder runs = new Table.Builder(List.of("environment", "config", "runs", "seeds", "MuJoCo"), 2);
        for (String env : tree.envs()) {
            for (ResultCell c : tree.cellsIn(env)) {
                List<Run> rs = tree.runs(env, c.key());
                runs.row(List.of(env, c.label(), "" + rs.size(), seeds(rs), Run.mujocoVersions(rs)));
            }
        }
        out.add(new Block.Heading(2, "Runs used"));
        out.add(new Block.TableBlock(runs.build(), null));
        out.add(new Block.Heading(2, "Runs left out"));
        if (tree.excluded().isEmpty()) {
            out.add(new Block.Paragraph("None: every run directory found was complete and readable."));
        } else {
            Table.Builder ex = new Table.Builder(List.of("run", "reason"), 2);
            tree.excluded().forEach(e -> ex.row(List.of(e.path(), e.reason())));
            out.add(new Block.TableBlock(ex.build(), tree.excluded().size() + " run directories were not used."));
        }
        if (!tree.warnings().isEmpty()) {
            out.add(new Block.Heading(2, "Warnings"));
            tree.warnings().forEach(w -> out.add(new Block.Paragraph("Warning: " + w)));
        }
        out.add(new Block.Heading(2, "Configs"));
        Table.Builder base = new Table.Builder(List.of("key", "value"), 2);
        ctx.baseline.config().forEach((k, v) -> base.row(List.of(k, Values.shown(v))));
        out.add(new Block.TableBlock(base.build(), "Resolved config of the baseline '" + ctx.baseline.label()
                + "' (keys shared by all its runs; seed and environment vary)."));
        Table.Builder diff = new Table.Builder(List.of("config", "differs from the baseline in"), 2);
        for (ResultCell c : tree.cells()) {
            if (!c.key().equals(ctx.baseline.key())) {
                diff.row(List.of(c.label(), differences(ctx.baseline.config(), c.config())));
            }
        }
        if (!diff.isEmpty()) {
            out.add(new Block.TableBlock(diff.build(), "Every other config, as its differences from the baseline."));
        }
        return out;
    }

    /** Appended to the version and commit of a build with uncommitted changes. */
    static final String DIRTY_MARK = " + uncommitted changes";

    /**
     * The warning for runs trained by a build with uncommitted changes ({@link Provenance#DIRTY} true),
     * naming the commits they claim; null when there are none (runs without the key are not counted,
     * so reports of such runs read as before).
     */
    static String dirtyBuilds(List<Map<String, Object>> provenances) {
        TreeSet<String> commits = new TreeSet<>();
        int n = 0;
        for (Map<String, Object> p : provenances) {
            if (Provenance.builtDirty(p)) {
                n++;
                commits.add(shortCommit(p.get(Provenance.COMMIT)));
            }
        }
        if (n == 0) {
            return null;
        }
        boolean one = commits.size() == 1;
        return "Warning: " + n + " of " + provenances.size() + " runs were trained by a build with uncommitted"
                + " changes: the " + (one ? "commit" : "commits") + " they record (" + String.join(", ", commits)
                + ") " + (one ? "is" : "are") + " not the code they ran, so training them again from "
                + (one ? "that commit" : "those commits") + " need not give the same results.";
    }

    private static String shortCommit(Object c) {
        String s = String.valueOf(c);
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    private static Block counts(String what, ResultsTree tree, java.util.function.Function<Map<String, Object>, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Run r : tree.runs()) {
            counts.merge(r.provenance().isEmpty() ? "unknown (no provenance.json)" : key.apply(r.provenance()), 1, Integer::sum);
        }
        Table.Builder t = new Table.Builder(List.of(what, "runs"), 1);
        counts.forEach((k, n) -> t.row(List.of(k, "" + n)));
        return new Block.TableBlock(t.build(), null);
    }

    private static String seeds(List<Run> runs) {
        TreeSet<Long> s = new TreeSet<>();
        runs.forEach(r -> s.add(r.seed()));
        StringBuilder sb = new StringBuilder();
        Long start = null;
        Long prev = null;
        for (long v : s) {
            if (prev != null && v == prev + 1) {
                prev = v;
                continue;
            }
            if (start != null) {
                sb.append(sb.length() > 0 ? ", " : "").append(start.equals(prev) ? "" + start : start + "–" + prev);
            }
            start = v;
            prev = v;
        }
        if (start != null) {
            sb.append(sb.length() > 0 ? ", " : "").append(start.equals(prev) ? "" + start : start + "–" + prev);
        }
        return sb.toString();
    }

    static String differences(Map<String, Object> base, Map<String, Object> other) {
        List<String> parts = new ArrayList<>();
        for (ConfigDiff.Difference d : ConfigDiff.between(ConfigDiff.allKeys(base, other), base, other,
                ConfigDiff.Reading.absentAs("(varies/absent)", Values::shown))) {
            parts.add(d.key() + " = " + d.right());
        }
        return parts.isEmpty() ? "nothing (same config)" : String.join("; ", parts);
    }
}
