package dev.ablate4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ablate4j.tensorboard.proto.Event;
import dev.ablate4j.tensorboard.proto.HParamsPluginData;
import dev.ablate4j.tensorboard.proto.Summary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads event files back for the tests: the framing and both masked CRCs of every record are checked. */
final class EventFiles {

    /** One scalar value as TensorBoard would read it. */
    record Scalar(String tag, long step, float value, double wallTime) {}

    private EventFiles() {}

    /** Every event of {@code file}; fails the test on a bad length, CRC or message. */
    static List<Event> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (b.hasRemaining()) {
            int at = b.position();
            assertTrue(b.remaining() >= RecordFraming.HEADER_BYTES, file + ": truncated header at byte " + at);
            long length = b.getLong();
            assertEquals(RecordFraming.maskedCrc(bytes, at, 8), b.getInt(), file + ": length CRC at byte " + at);
            assertTrue(length >= 0 && length + RecordFraming.FOOTER_BYTES <= b.remaining(),
                    file + ": record length " + length + " at byte " + at);
            byte[] data = Arrays.copyOfRange(bytes, b.position(), b.position() + (int) length);
            b.position(b.position() + (int) length);
            assertEquals(RecordFraming.maskedCrc(data, 0, data.length), b.getInt(), file + ": data CRC at byte " + at);
            try {
                events.add(Event.parseFrom(data));
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(file + ": record at byte " + at + " is not an Event", e);
            }
        }
        assertTrue(!events.isEmpty() && events.get(0).getFileVersion().equals(EventFile.FILE_VERSION),
                file + ": first record names the file version");
        return events;
    }

    /** The one event file in {@code dir} (not below it). */
    static Path single(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().contains("tfevents")).toList();
            assertEquals(1, files.size(), "event files in " + dir + ": " + files);
            return files.get(0);
        }
    }

    /** Every scalar in file order. */
    static List<Scalar> scalars(List<Event> events) {
        List<Scalar> out = new ArrayList<>();
        for (Event e : events) {
            for (Summary.Value v : e.getSummary().getValueList()) {
                if (v.hasSimpleValue()) {
                    out.add(new Scalar(v.getTag(), e.getStep(), v.getSimpleValue(), e.getWallTime()));
                }
            }
        }
        return out;
    }

    /** The scalars of one tag, in file order. */
    static List<Scalar> scalars(List<Event> events, String tag) {
        return scalars(events).stream().filter(s -> s.tag().equals(tag)).toList();
    }

    /** HParams plugin data by tag (the last one of each tag). */
    static Map<String, HParamsPluginData> hparams(List<Event> events) throws InvalidProtocolBufferException {
        Map<String, HParamsPluginData> out = new LinkedHashMap<>();
        for (Event e : events) {
            for (Summary.Value v : e.getSummary().getValueList()) {
                if (v.getMetadata().getPluginData().getPluginName().equals(HParams.PLUGIN)) {
                    out.put(v.getTag(), HParamsPluginData.parseFrom(v.getMetadata().getPluginData().getContent()));
                }
            }
        }
        return out;
    }
}
