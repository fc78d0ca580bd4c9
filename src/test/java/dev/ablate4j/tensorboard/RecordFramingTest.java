package dev.ablate4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The TFRecord framing, against values from TensorBoard's own masked_crc32c. */
class RecordFramingTest {

    @Test
    void maskedCrcMatchesTensorBoards() {
        // tensorboard.compat.tensorflow_stub.pywrap_tensorflow.masked_crc32c(b"123456789") (CRC32C 0xe3069283)
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xc78ab0e5, RecordFraming.maskedCrc(digits, 0, digits.length));
        // ... and of the little-endian uint64 9, the length field of a 9-byte record
        byte[] nine = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(9).array();
        assertEquals(0x3971f937, RecordFraming.maskedCrc(nine, 0, 8));
    }

    @Test
    void aRecordIsLengthCrcDataCrc() {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        byte[] record = RecordFraming.frame(data);
        assertEquals(8 + 4 + 9 + 4, record.length);
        ByteBuffer b = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(9L, b.getLong());
        assertEquals(0x3971f937, b.getInt());
        assertArrayEquals(data, Arrays.copyOfRange(record, 12, 21));
        b.position(21);
        assertEquals(0xc78ab0e5, b.getInt());
    }
}
