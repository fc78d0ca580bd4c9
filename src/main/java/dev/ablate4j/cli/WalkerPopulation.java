package dev.ablate4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed Walker2d-v4 final returns (40 seeds each of {@code paper:trpo+} and
 * {@code paper:trpo}) that {@code stats coverage} uses as a population; how they were derived is in
 * the header of the resource {@code dev/ablate4j/stats/walker2d-trpo-final-returns.csv}.
 */
public final class WalkerPopulation {

    /** The resource holding the numbers. */
    public static final String RESOURCE = "/dev/ablate4j/stats/walker2d-trpo-final-returns.csv";

    private WalkerPopulation() {}

    public static double[] trpoPlus() {
        return read("paper:trpo+");
    }

    public static double[] trpo() {
        return read("paper:trpo");
    }

    private static double[] read(String preset) {
        List<Double> out = new ArrayList<>();
        try (InputStream in = WalkerPopulation.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (!line.startsWith("#") && f.length == 3 && f[0].equals(preset)) {
                    out.add(Double.parseDouble(f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
