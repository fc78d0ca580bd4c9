package dev.ablate4j.tensorboard;

import dev.ablate4j.tensorboard.proto.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last step already in a run's live event files ({@code LOGDIR/<run name>/*tfevents*}), read
 * back so that a resumed run does not write the same steps again ({@link LiveRun#iteration}). A
 * file is read up to its first damaged record (a killed writer may leave half of one at the end).
 */
final class LiveSteps {

    private LiveSteps() {}

    /** The largest step of a summary in {@code dir}'s event files, or -1 when there is none. */
    static long lastStep(Path dir) {
        long last = -1;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().contains("tfevents") && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            return -1;
        }
        for (Path f : files) {
            last = Math.max(last, lastStepOf(f));
        }
        return last;
    }

    private static long lastStepOf(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return -1;
        }
        long last = -1;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= RecordFraming.HEADER_BYTES) {
            int at = b.position();
            long length = b.getLong();
            if (RecordFraming.maskedCrc(bytes, at, 8) != b.getInt() || length < 0
                    || length + RecordFraming.FOOTER_BYTES > b.remaining()) {
                break;
            }
            byte[] data = Arrays.copyOfRange(bytes, b.position(), b.position() + (int) length);
            b.position(b.position() + (int) length);
            if (RecordFraming.maskedCrc(data, 0, data.length) != b.getInt()) {
                break;
            }
            try {
                Event e = Event.parseFrom(data);
                if (e.hasSummary() && e.getSummary().getValueList().stream().anyMatch(v -> v.hasSimpleValue())) {
                    last = Math.max(last, e.getStep());
                }
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                break;
            }
        }
        return last;
    }
}
