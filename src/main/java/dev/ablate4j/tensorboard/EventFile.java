package dev.ablate4j.tensorboard;

import com.google.protobuf.CodedOutputStream;
import dev.ablate4j.tensorboard.proto.Event;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * An event file being written: the file-version record first, then one record per {@link Event},
 * each flushed as it is written so a TensorBoard watching the directory sees it at once.
 * Messages are serialized deterministically (map entries sorted by key).
 */
public final class EventFile implements Closeable {

    /** What the first record of every event file says. */
    public static final String FILE_VERSION = "brain.Event:2";

    private final OutputStream out;

    private EventFile(OutputStream out) {
        this.out = out;
    }

    /**
     * {@code events.out.tfevents.<seconds>.<host>}: TensorBoard reads files whose name contains
     * {@code tfevents}, in name order.
     */
    public static String name(double wallTime, String host) {
        return String.format(Locale.ROOT, "events.out.tfevents.%010d.%s", (long) Math.floor(wallTime), host);
    }

    /** Creates {@code file} (replacing it) and writes the file-version record with {@code wallTime}. */
    public static EventFile create(Path file, double wallTime) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        EventFile f = new EventFile(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        f.write(Event.newBuilder().setWallTime(wallTime).setFileVersion(FILE_VERSION).build());
        return f;
    }

    /** Appends one event and flushes it. */
    public void write(Event event) throws IOException {
        out.write(RecordFraming.frame(bytes(event)));
        out.flush();
    }

    /** The deterministic serialization of a message. */
    static byte[] bytes(com.google.protobuf.MessageLite message) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(message.getSerializedSize());
            CodedOutputStream coded = CodedOutputStream.newInstance(buffer);
            coded.useDeterministicSerialization();
            message.writeTo(coded);
            coded.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
