package dev.ablate4j.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The record framing of TensorBoard event files (TFRecord): {@code uint64 length},
 * {@code uint32 masked CRC32C(length bytes)}, the data, {@code uint32 masked CRC32C(data)}, all
 * little-endian.
 */
public final class RecordFraming {

    /** Bytes before the data: the length and its CRC. */
    public static final int HEADER_BYTES = 12;
    /** Bytes after the data: its CRC. */
    public static final int FOOTER_BYTES = 4;

    private static final int MASK_DELTA = 0xa282ead8;

    private RecordFraming() {}

    /** The framed record holding {@code data}. */
    public static byte[] frame(byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + data.length + FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(data.length);
        b.putInt(maskedCrc(b.array(), 0, 8));
        b.put(data);
        b.putInt(maskedCrc(data, 0, data.length));
        return b.array();
    }

    /** CRC32C of the bytes, rotated right by 15 bits plus a constant, as TFRecord stores it. */
    public static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }
}
