package dev.ablate4j.results;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a run between iterations: named arrays of doubles (networks, Adam moments, filter
 * statistics, environment and sampler state) and named counters (next iteration, CSV lengths),
 * plus the resolved config it belongs to. Stored as a small binary file written atomically, so a
 * run killed at any moment has either the previous checkpoint or the new one, never half of one.
 */
public final class Checkpoint {

    /** The counter holding the next iteration to train. */
    public static final String ITERATION = "iteration";

    private static final int MAGIC = 0xAB1A7E4A;
    private static final int FORMAT = 1;

    private final String configJson;
    private final Map<String, double[]> arrays = new LinkedHashMap<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();

    public Checkpoint(String configJson) {
        this.configJson = configJson;
    }

    public String configJson() {
        return configJson;
    }

    public Checkpoint put(String name, double[] values) {
        arrays.put(name, values.clone());
        return this;
    }

    public Checkpoint put(String name, long value) {
        counters.put(name, value);
        return this;
    }

    public double[] array(String name) {
        double[] a = arrays.get(name);
        if (a == null) {
            throw new IllegalStateException("checkpoint has no '" + name + "'");
        }
        return a.clone();
    }

    public long counter(String name) {
        Long c = counters.get(name);
        if (c == null) {
            throw new IllegalStateException("checkpoint has no '" + name + "'");
        }
        return c;
    }

    public void write(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(configJson);
            out.writeInt(counters.size());
            for (Map.Entry<String, Long> e : counters.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(arrays.size());
            for (Map.Entry<String, double[]> e : arrays.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (double v : e.getValue()) {
                    out.writeLong(Double.doubleToRawLongBits(v));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeBytes(file, bytes.toByteArray());
    }

    /** Reads a checkpoint, or returns null if the file is missing or not a complete checkpoint. */
    public static Checkpoint read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return null;
            }
            Checkpoint c = new Checkpoint(in.readUTF());
            int nCounters = in.readInt();
            for (int i = 0; i < nCounters; i++) {
                c.counters.put(in.readUTF(), in.readLong());
            }
            int nArrays = in.readInt();
            for (int i = 0; i < nArrays; i++) {
                String name = in.readUTF();
                double[] values = new double[in.readInt()];
                for (int j = 0; j < values.length; j++) {
                    values[j] = Double.longBitsToDouble(in.readLong());
                }
                c.arrays.put(name, values);
            }
            return c;
        } catch (IOException e) {
            return null;
        }
    }
}
