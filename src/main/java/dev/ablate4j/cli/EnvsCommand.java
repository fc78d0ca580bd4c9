package dev.ablate4j.cli;

import dev.ablate4j.env.Env;
import dev.ablate4j.env.EnvSpec;
import dev.ablate4j.env.Envs;
import dev.ablate4j.env.mujoco.MujocoEnvs;
import dev.ablate4j.env.mujoco.MujocoUnavailableException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code envs}: the registered environments with their sizes and time limits. */
@Command(name = "envs", mixinStandardHelpOptions = true, description = "List the environments with observation/action sizes and time limits, and the MuJoCo in use.")
public final class EnvsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.printf("%-26s %5s %5s %7s  %s%n", "id", "obs", "act", "limit", "description");
        for (EnvSpec spec : Envs.specs()) {
            String obs;
            String act;
            try (Env env = spec.factory().get()) {
                obs = Integer.toString(env.observationSpace().size());
                act = Integer.toString(env.actionSpace().size());
            } catch (MujocoUnavailableException e) {
                obs = "-";
                act = "-";
            }
            System.out.printf("%-26s %5s %5s %7d  %s%n", spec.id(), obs, act, spec.maxEpisodeSteps(),
                    spec.description());
        }
        System.out.println();
        if (MujocoEnvs.available()) {
            System.out.println("MuJoCo in use: " + MujocoEnvs.source());
        } else {
            System.out.println(MujocoEnvs.unavailableReason());
        }
        System.out.println("MuJoCo choice: " + MujocoEnvs.HOW_TO_SWITCH);
        return 0;
    }
}
