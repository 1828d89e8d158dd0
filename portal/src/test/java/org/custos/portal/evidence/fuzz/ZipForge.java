package org.custos.portal.evidence.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives byte by byte (APPNOTE 6.3.10 §4.3: local headers, data, optional data descriptors, central
 * directory, end record) so that the fuzzer can state anything a header can: names that are not UTF-8, declared
 * sizes and CRCs that disagree with the data, stored or deflated data, entries the JDK's writer would refuse
 * (duplicates, directories with data). Test code only.
 */
final class ZipForge {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    /** One entry as written; a null declared value means the true one. */
    static final class Entry {
        byte[] name;
        byte[] data = new byte[0];
        int method = DEFLATED;
        boolean utf8Flag = true;
        boolean descriptor;
        Long declaredSize;
        Long declaredCompressed;
        Long declaredCrc;
        byte[] extra = new byte[0];
        /** Already compressed body with its true size and CRC (a bomb too large to hold inflated), or null. */
        byte[] raw;
        long rawSize;
        long rawCrc;

        Entry(byte[] name, byte[] data) {
            this.name = name;
            this.data = data;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    Entry add(byte[] name, byte[] data) {
        Entry e = new Entry(name, data);
        entries.add(e);
        return e;
    }

    List<Entry> entries() {
        return entries;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            CRC32 crc = new CRC32();
            crc.update(e.data);
            byte[] body = e.raw != null ? e.raw : e.method == DEFLATED ? deflate(e.data) : e.data;
            long trueCrc = e.raw != null ? e.rawCrc : crc.getValue();
            long trueSize = e.raw != null ? e.rawSize : e.data.length;
            long crcValue = e.declaredCrc != null ? e.declaredCrc : trueCrc;
            long size = e.declaredSize != null ? e.declaredSize : trueSize;
            long csize = e.declaredCompressed != null ? e.declaredCompressed : body.length;
            int flags = (e.utf8Flag ? 0x800 : 0) | (e.descriptor ? 0x8 : 0);
            int offset = out.size();
            int32(out, 0x04034b50);
            int16(out, 20);
            int16(out, flags);
            int16(out, e.method);
            int32(out, 0);
            int32(out, e.descriptor ? 0 : crcValue);
            int32(out, e.descriptor ? 0 : csize);
            int32(out, e.descriptor ? 0 : size);
            int16(out, e.name.length);
            int16(out, e.extra.length);
            out.writeBytes(e.name);
            out.writeBytes(e.extra);
            out.writeBytes(body);
            if (e.descriptor) {
                int32(out, 0x08074b50);
                int32(out, crcValue);
                int32(out, csize);
                int32(out, size);
            }
            int32(central, 0x02014b50);
            int16(central, 20);
            int16(central, 20);
            int16(central, flags);
            int16(central, e.method);
            int32(central, 0);
            int32(central, crcValue);
            int32(central, csize);
            int32(central, size);
            int16(central, e.name.length);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int32(central, 0);
            int32(central, offset);
            central.writeBytes(e.name);
        }
        int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, entries.size());
        int16(out, entries.size());
        int32(out, central.size());
        int32(out, centralOffset);
        int16(out, 0);
        return out.toByteArray();
    }

    /** {@code size} bytes of {@code fill} deflated without holding them: a bomb entry's body. */
    static Entry bomb(byte[] name, long size, byte fill) {
        Entry e = new Entry(name, new byte[0]);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, fill);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(chunk.length, left);
                crc.update(chunk, 0, n);
                d.setInput(chunk, 0, n);
                while (!d.needsInput()) {
                    out.write(buffer, 0, d.deflate(buffer));
                }
                left -= n;
            }
            d.finish();
            while (!d.finished()) {
                out.write(buffer, 0, d.deflate(buffer));
            }
        } finally {
            d.end();
        }
        e.raw = out.toByteArray();
        e.rawSize = size;
        e.rawCrc = crc.getValue();
        return e;
    }

    Entry add(Entry e) {
        entries.add(e);
        return e;
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!d.finished()) {
                out.write(buffer, 0, d.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static void int16(ByteArrayOutputStream out, long v) {
        out.write((int) (v & 0xff));
        out.write((int) ((v >>> 8) & 0xff));
    }

    private static void int32(ByteArrayOutputStream out, long v) {
        int16(out, v & 0xffff);
        int16(out, (v >>> 16) & 0xffff);
    }
}
