package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.results.RunFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code train} with the implementation presets and CleanRL's flag names: the presets train and record
 * themselves, CleanRL's names set the keys they mean ({@code --learning-rate} both learning rates,
 * {@code --clip-coef} both clips, a key's own flag winning), {@code --help} lists them as aliases, a
 * mistyped flag gets the nearest known one, and a setting a preset cannot honour is one line, exit 2.
 */
class ImplementationPresetCliTest {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        return cl.execute(args);
    }

    private static final String[] TINY = {"--env", "Pendulum-v1", "--rollout-steps", "256", "--hidden", "8,8",
        "--quiet", "--tr-log-every", "0"};

    private String[] tiny(String... more) {
        String[] all = new String[TINY.length + more.length + 1];
        all[0] = "train";
        System.arraycopy(TINY, 0, all, 1, TINY.length);
        System.arraycopy(more, 0, all, 1 + TINY.length, more.length);
        return all;
    }

    private Map<?, ?> config(Path run) throws Exception {
        return new ObjectMapper().readValue(run.resolve(RunFiles.CONFIG).toFile(), Map.class);
    }

    @ParameterizedTest
    @CsvSource({"cleanrl:ppo, true, gymnasium, down", "sb3:ppo, false, episode, up"})
    void presetsTrainAndRecordEveryImplementationKey(String preset, boolean half, String reset, String rounding)
            throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, run(tiny("--preset", preset, "--total-timesteps", "700", "--num-minibatches", "4",
                "--update-epochs", "2", "--out", run.toString())), err.toString());
        Map<?, ?> c = config(run);
        assertEquals(preset, c.get("preset"));
        assertEquals(700, c.get("steps"));
        assertEquals(4, c.get("minibatches"));
        assertEquals(2, c.get("epochs"));
        assertEquals("joint", c.get("optimizer"));
        assertEquals("joint", c.get("grad-clip-scope"));
        assertEquals(0.5, c.get("vf-coef"));
        assertEquals(half, c.get("value-loss-half"));
        assertEquals(reset, c.get("reward-scale-reset"));
        assertEquals(rounding, c.get("steps-rounding"));
        assertEquals(true, c.get("action-clip"));
        assertEquals("rms", c.get("obs-norm-stats"));
        int iterations = rounding.equals("down") ? 2 : 3; // 700 steps of 256: floor 2, ceil 3
        assertEquals(iterations + 1, Files.readAllLines(run.resolve(RunFiles.METRICS)).size());
    }

    @Test
    void cleanRlNamesSetTheKeysTheyMeanAndOwnFlagsWin() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, run(tiny("--steps", "256", "--minibatches", "4", "--learning-rate", "1e-3",
                "--value-lr", "2e-4", "--clip-coef", "0.3", "--no-norm-adv", "--no-clip-vloss", "--no-anneal-lr",
                "--ent-coef", "0.01", "--max-grad-norm", "0.7", "--vf-coef", "0.25", "--num-steps", "256",
                "--out", run.toString())), err.toString());
        Map<?, ?> c = config(run);
        assertEquals(1e-3, c.get("policy-lr"));
        assertEquals(2e-4, c.get("value-lr"));
        assertEquals(0.3, c.get("clip-eps"));
        assertEquals(0.3, c.get("value-clip-eps"));
        assertEquals(false, c.get("adv-norm"));
        assertEquals(false, c.get("value-clip"));
        assertEquals(false, c.get("lr-anneal"));
        assertEquals(0.01, c.get("entropy-coef"));
        assertEquals(0.7, c.get("grad-clip-norm"));
        assertEquals(0.25, c.get("vf-coef"));
        assertEquals(256, c.get("rollout-steps"));
    }

    @Test
    void helpListsTheCleanRlNamesAsAliases() {
        assertEquals(0, run("train", "--help"));
        String help = out.toString();
        String[][] pairs = {{"--steps", "--total-timesteps"}, {"--rollout-steps", "--num-steps"},
            {"--epochs", "--update-epochs"}, {"--minibatches", "--num-minibatches"}, {"--entropy-coef", "--ent-coef"},
            {"--grad-clip-norm", "--max-grad-norm"}, {"--[no-]adv-norm", "--[no-]norm-adv"},
            {"--[no-]value-clip", "--[no-]clip-vloss"}, {"--[no-]lr-anneal", "--[no-]anneal-lr"}};
        for (String[] pair : pairs) {
            assertTrue(help.lines().anyMatch(l -> l.contains(pair[0] + ",") && l.contains(pair[1])
                    || l.contains(pair[1] + ",") && l.contains(pair[0])), pair[1] + " listed with " + pair[0]);
            assertTrue(help.replaceAll("\\s+", " ").contains("Alias: " + pair[1].replace("[no-]", "")),
                    pair[1] + " named as an alias");
        }
        assertTrue(help.contains("--learning-rate") && help.contains("--clip-coef") && help.contains("--vf-coef"));
        assertTrue(help.contains("Alias (CleanRL): sets --policy-lr and --value-lr"), help);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--polcy-lr|1|Unknown options: '--polcy-lr', '1' (did you mean '--policy-lr'?)",
        "--total-timestep|1|(did you mean '--total-timesteps'?)",
        "--learning-rat|1|(did you mean '--learning-rate'?)",
        "--no-valu-clip|x|(did you mean '--no-value-clip'?)",
        "--preset|cleanrl:pp|unknown preset 'cleanrl:pp' (did you mean 'cleanrl:ppo'?)",
        "--optimizer|adam|optimizer: 'adam' is not separate or joint",
        "--grad-clip-scope|all|grad-clip-scope: 'all' is not both, policy, value or joint",
        "--obs-norm-stats|numpy|obs-norm-stats: 'numpy' is not welford or rms",
        "--reward-scale-stats|RMS|reward-scale-stats: 'RMS' is not welford or rms",
        "--reward-scale-reset|always|reward-scale-reset: 'always' is not episode or gymnasium",
        "--steps-rounding|nearest|steps-rounding: 'nearest' is not up or down"})
    void mistypedFlagsAndValuesAreOneLineWithTheNearestName(String flag, String value, String message) {
        Path never = tmp.resolve("never");
        assertEquals(2, run("train", "--out", never.toString(), flag, value), err.toString());
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(message), text);
        assertFalse(Files.exists(never));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cleanrl:ppo|--algo|trpo|preset cleanrl:ppo: optimizer: joint steps policy and value together per PPO minibatch,"
            + " and algo trpo has no minibatch policy step",
        "sb3:ppo|--optimizer|separate|preset sb3:ppo: grad-clip-scope: joint takes one norm over both networks'"
            + " gradients, which needs optimizer joint",
        "ppo|--grad-clip-scope|joint|grad-clip-scope: joint takes one norm"})
    void aSettingAPresetCannotHonourIsRefusedInOneLine(String preset, String flag, String value, String message) {
        Path never = tmp.resolve("never");
        assertEquals(2, run(tiny("--preset", preset, "--steps", "256", "--minibatches", "4", flag, value,
                "--out", never.toString())), err.toString());
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(message), text);
        assertFalse(Files.exists(never));
    }
}
