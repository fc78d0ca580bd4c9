package dev.ablate4j.report.sections;

import dev.ablate4j.report.ChartTrees;
import dev.ablate4j.report.Figure;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.Table;
import dev.ablate4j.stats.FactorialEffects;
import java.awt.Color;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's charts, checked on their datasets and figure models rather than on pixels. */
class ChartFiguresTest {

    @TempDir
    Path tmp;

    private static final String VC_LR = "value clipping + LR annealing (confounded)";
    private static final String PRESET_GROUP =
            "reward scaling + orthogonal init + reward clipping + observation clipping (confounded)";

    /**
     * Like the paper's presets: ppo-m turns value clipping, reward scaling, orthogonal init, LR
     * annealing, reward and observation clipping off together; a cell without value clipping and
     * LR annealing splits those two off; a cell with gradient clipping adds one free switch.
     */
    private Path presetTree() {
        Path root = tmp.resolve("presets");
        ChartTrees.cell(root, "c00", "ppo", Map.of(), 3, (c, s) -> 1000 + 10 * s);
        Map<String, Object> m = new java.util.TreeMap<>();
        for (String k : List.of("value-clip", "reward-scale", "ortho-init", "lr-anneal", "reward-clip", "obs-clip")) {
            m.put(k, false);
        }
        ChartTrees.cell(root, "c01", "ppo-m", m, 3, (c, s) -> 500 + 10 * s);
        ChartTrees.cell(root, "c02", "ppo -vc -lr", Map.of("value-clip", false, "lr-anneal", false), 3,
                (c, s) -> 800 + 10 * s);
        ChartTrees.cell(root, "c03", "ppo +gc", Map.of("grad-clip", true), 3, (c, s) -> 1100 + 10 * s);
        return root;
    }

    @Test
    void confoundedSwitchesAreOnePanelEachLabelledAsAGroup() {
        ReportContext ctx = ChartTrees.context(presetTree());
        String env = ChartTrees.ENV;
        List<String> factors = OptimizationFigures.factors(ctx.tree, env);
        assertEquals(7, factors.size(), factors.toString());
        List<Figure> onOff = OptimizationFigures.onOff(ctx, env, factors);
        List<String> titles = new ArrayList<>();
        for (Figure f : onOff) {
            f.panels().forEach(p -> titles.add(p.getTitle().getText()));
        }
        assertEquals(List.of(VC_LR, PRESET_GROUP, "gradient clipping"), titles);
        assertTrue(onOff.get(0).caption().contains("confounded"), onOff.get(0).caption());
        // The group's panel: "on" = runs with reward scaling (and the rest of its group) on.
        XYDataset data = onOff.get(0).panels().get(1).getXYPlot().getDataset();
        assertEquals("on (n=9)", data.getSeriesKey(0));
        assertEquals("off (n=3)", data.getSeriesKey(1));
    }

    @Test
    void mainEffectsChartAndTableHaveOneEntryPerGroupWithTheGroupsEffect() {
        ReportContext ctx = ChartTrees.context(presetTree());
        String env = ChartTrees.ENV;
        List<String> factors = OptimizationFigures.factors(ctx.tree, env);
        FactorialEffects.Result res = OptimizationFigures.effects(ctx, env, factors);
        assertEquals(3, res.mainEffects().size());
        // reward scaling's group: on in ppo, ppo -vc -lr, ppo +gc (means 1010, 810, 1110), off in ppo-m (510)
        double on = (1010 + 810 + 1110) / 3.0;
        assertEquals(on - 510, res.mainEffects().get(1).estimate(), 1e-9);
        Figure forest = OptimizationFigures.forest(ctx, env, res);
        XYPlot plot = forest.panels().get(0).getXYPlot();
        assertEquals(3, plot.getDataset().getSeriesCount());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add((String) plot.getDataset().getSeriesKey(i));
        }
        assertEquals(List.of(VC_LR, PRESET_GROUP, "gradient clipping"), keys);
        assertTrue(forest.width() > 760, "a long group label widens the chart: " + forest.width());
        Table t = OptimizationFigures.effectsTable(ctx, env, res);
        assertEquals(3, t.rows().size());
        assertEquals(PRESET_GROUP, t.rows().get(1).get(0));
        assertEquals(List.of(List.of("value-clip", "lr-anneal"),
                List.of("reward-scale", "ortho-init", "reward-clip", "obs-clip")),
                OptimizationFigures.aliased(ctx.tree, env, factors));
    }

    @Test
    void aSwitchThatMovesOppositeToItsGroupIsNamedOff() {
        Path root = tmp.resolve("opposite");
        ChartTrees.cell(root, "c00", "a", Map.of("value-clip", true, "reward-scale", false), 2, (c, s) -> 1 + s);
        ChartTrees.cell(root, "c01", "b", Map.of("value-clip", false, "reward-scale", true), 2, (c, s) -> 5 + s);
        ReportContext ctx = ChartTrees.context(root);
        List<FactorGroups.Group> groups = OptimizationFigures.groups(ctx, ChartTrees.ENV);
        assertEquals(1, groups.size());
        assertEquals("value clipping + reward scaling off (confounded)", groups.get(0).label());
    }

    @Test
    void trustRegionOfAShortRunIsOverEnvStepsWithMarkersAndOnlyLinesThatExist() {
        Path root = tmp.resolve("short");
        ChartTrees.cell(root, "c00", "ppo", Map.of(), 2, (c, s) -> -1200);
        for (int s = 0; s < 2; s++) {
            // one logged row, held-out columns empty; KL tiny
            ChartTrees.trustRows(root.resolve("spec/c00/" + ChartTrees.ENV + "/seed-" + s), List.of("0,1.5,0.0003,,"));
        }
        ReportContext ctx = ChartTrees.context(root);
        Figure f = CurveFigures.trustRegion(ctx, ChartTrees.ENV);
        assertNotNull(f);
        for (JFreeChart chart : f.panels()) {
            XYPlot plot = chart.getXYPlot();
            assertEquals("environment steps (thousands)", plot.getDomainAxis().getLabel());
            XYDataset d = plot.getDataset();
            assertEquals(1, d.getSeriesCount(), "held-out series has no points: not drawn");
            assertEquals("ppo (train)", d.getSeriesKey(0));
            assertEquals(2.048, d.getXValue(0, 0), 1e-12, "iteration 0 ends at 2048 env steps");
            assertEquals(1, chart.getXYPlot().getLegendItems().getItemCount(), "legend only for drawn lines");
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            assertTrue(r.getDefaultShapesVisible(), "a single point needs a marker");
            assertTrue(plot.getDomainAxis().getRange().getLength() > 0);
            assertTrue(plot.getDomainAxis().getLowerBound() >= 0);
        }
        NumberFormat kl = ((NumberAxis) f.panels().get(1).getXYPlot().getRangeAxis()).getNumberFormatOverride();
        assertEquals("0.0003", kl.format(0.0003));
        assertEquals("0.00031", kl.format(0.00031));
        assertEquals("0", kl.format(-1e-19), "a tick a rounding error below zero");
    }

    @Test
    void trustRegionIterationsMapToTheirRunsEnvStepsAndLongRunsHaveNoMarkers() {
        Path root = tmp.resolve("long");
        ChartTrees.cell(root, "c00", "ppo", Map.of(), 1, (c, s) -> -1200);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(i + ",1.3,0.004,1.4,0.005");
        }
        ChartTrees.trustRows(root.resolve("spec/c00/" + ChartTrees.ENV + "/seed-0"), rows);
        Figure f = CurveFigures.trustRegion(ChartTrees.context(root), ChartTrees.ENV);
        XYPlot plot = f.panels().get(0).getXYPlot();
        assertEquals(2, plot.getDataset().getSeriesCount());
        assertEquals(20, plot.getDataset().getItemCount(0));
        assertEquals(2.048 * 11, plot.getDataset().getXValue(0, 10), 1e-9);
        assertFalse(((XYLineAndShapeRenderer) plot.getRenderer()).getDefaultShapesVisible());
    }

    /** A 2×2 of value clipping × reward scaling, 3 runs per cell at mean ± 10. */
    private Path twoByTwo(boolean third) {
        Path root = tmp.resolve(third ? "2x2x2" : "2x2");
        int id = 0;
        for (boolean vc : new boolean[] {false, true}) {
            for (boolean rs : new boolean[] {false, true}) {
                for (boolean oi : third ? new boolean[] {false, true} : new boolean[] {true}) {
                    double mean = -1000 + (vc ? 100 : 0) + (rs ? 50 : 0) + (vc && rs ? 200 : 0) + (oi ? 0 : 30);
                    ChartTrees.cell(root, ChartTrees.id(id), "cell " + id++,
                            Map.of("value-clip", vc, "reward-scale", rs, "ortho-init", oi), 3,
                            (c, s) -> mean + 10 * (s - 1));
                }
            }
        }
        return root;
    }

    @Test
    void twoByTwoIsAnInteractionPlotOfTheFourCellMeansWithTIntervals() {
        ReportContext ctx = ChartTrees.context(twoByTwo(false));
        String env = ChartTrees.ENV;
        List<String> factors = OptimizationFigures.factors(ctx.tree, env);
        FactorialEffects.Result res = OptimizationFigures.effects(ctx, env, factors);
        Figure f = OptimizationFigures.heatmap(ctx, env, factors, res);
        assertEquals(1, f.panels().size());
        XYPlot plot = f.panels().get(0).getXYPlot();
        assertInstanceOf(XYErrorRenderer.class, plot.getRenderer(), "an interaction plot, not a heat map");
        YIntervalSeriesCollection d = (YIntervalSeriesCollection) plot.getDataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals("reward scaling off", d.getSeriesKey(0));
        assertEquals("reward scaling on", d.getSeriesKey(1));
        assertEquals("value clipping", plot.getDomainAxis().getLabel());
        // Student-t quantile at 97.5% with 2 degrees of freedom, closed form: (2p − 1)/√(2p(1 − p)).
        double t2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
        double half = t2 * 10 / Math.sqrt(3);
        double[][] means = {{-1000, -950}, {-900, -650}}; // [vc][rs]
        for (int rs = 0; rs < 2; rs++) {
            assertEquals(2, d.getItemCount(rs));
            for (int vc = 0; vc < 2; vc++) {
                assertEquals(vc + (rs == 0 ? -1 : 1) * InteractionChart.DODGE, d.getXValue(rs, vc), 1e-12);
                assertEquals(means[vc][rs], d.getYValue(rs, vc), 1e-9);
                assertEquals(means[vc][rs] - half, d.getStartYValue(rs, vc), 1e-6);
                assertEquals(means[vc][rs] + half, d.getEndYValue(rs, vc), 1e-6);
            }
        }
        assertTrue(f.caption().contains("Student-t interval"), f.caption());
        String sub = f.panels().get(0).getSubtitle(0).toString();
        assertNotNull(sub);
    }

    @Test
    void largerDesignsKeepTheHeatMap() {
        ReportContext ctx = ChartTrees.context(twoByTwo(true));
        String env = ChartTrees.ENV;
        List<String> factors = OptimizationFigures.factors(ctx.tree, env);
        Figure f = OptimizationFigures.heatmap(ctx, env, factors, OptimizationFigures.effects(ctx, env, factors));
        assertInstanceOf(XYBlockRenderer.class, f.panels().get(0).getXYPlot().getRenderer());
    }

    @Test
    void overlappingBandsAreLightWithEdgesInTheirOwnColoursAndNoExtraLegend() {
        double[] x = {0, 1, 2};
        List<BandChart.Series> series = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            series.add(new BandChart.Series("config " + i, i, x, new double[] {1, 2, 3}, new double[] {0, 1, 2},
                    new double[] {2, 3, 4}));
        }
        JFreeChart chart = BandChart.create("t", "x", "y", series, org.jfree.chart.ui.RectangleEdge.RIGHT);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer bands = (DeviationRenderer) plot.getRenderer(0);
        assertTrue(bands.getAlpha() <= 0.12f, "fill alpha " + bands.getAlpha());
        XYDataset edges = plot.getDataset(1);
        assertEquals(6, edges.getSeriesCount(), "a low and a high edge per band");
        XYLineAndShapeRenderer edgeRenderer = (XYLineAndShapeRenderer) plot.getRenderer(1);
        for (int i = 0; i < 3; i++) {
            Color c = (Color) edgeRenderer.getSeriesPaint(2 * i + 1);
            Color own = Palette.color(i);
            assertEquals(own.getRGB() & 0xFFFFFF, c.getRGB() & 0xFFFFFF, "edge of band " + i + " in its colour");
            assertEquals(4.0, edges.getYValue(2 * i + 1, 2), 0, "upper edge follows the band");
        }
        assertEquals(3, plot.getLegendItems().getItemCount(), "edges have no legend entry");
    }
}
