package dev.ablate4j.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * An append-only CSV file of a run. Each record is written and flushed whole, so after a crash the
 * file holds complete lines; {@link #openForResume} cuts it back to the length recorded in a
 * checkpoint so a resumed run rewrites exactly the lines an uninterrupted run would have.
 */
public final class CsvLog implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final FileChannel channel;

    private CsvLog(FileChannel channel) {
        this.channel = channel;
    }

    /** Creates (or empties) the file and writes the header. */
    public static CsvLog create(Path file, List<String> header) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            CsvLog log = new CsvLog(ch);
            log.append(header);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens an existing file truncated to {@code length} bytes, for appending. */
    public static CsvLog openForResume(Path file, long length) {
        try {
            if (!Files.exists(file) || Files.size(file) < length) {
                throw new IOException(file + " is shorter than its checkpoint says (" + length + " bytes)");
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
            ch.truncate(length);
            ch.position(length);
            return new CsvLog(ch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void append(List<String> cells) {
        String line = FORMAT.format(cells.toArray()) + "\n";
        try {
            var buf = java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes written so far. */
    public long length() {
        try {
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forces the content to disk (before a checkpoint records this length). */
    public void sync() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
