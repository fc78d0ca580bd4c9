package dev.ablate4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine a benchmark ran on, as printed beside its figures: cores, CPU model, OS, JVM and
 * the one-minute load average (how many other threads wanted the cores).
 */
public record Machine(int cores, String cpu, String os, String jvm, double loadAverage) {

    /** The current machine. */
    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One line: "2 cores, AMD EPYC, Linux amd64, OpenJDK 64-Bit Server VM 17.0.15, load average 7.1". */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores, %s, %s, %s, load average %s", cores, cpu, os, jvm,
                loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", loadAverage));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "CPU model unknown";
    }
}
