// Test-only oracle: Java's own compact serialization (hazelcast jar), run with the single-file source
// launcher by java-oracle.int.test.ts. It prints the payloads Java writes for the records below (which
// mirror the test's records), then reads each payload given on stdin and writes it again.
//
// stdout lines: "WRITE <name> <be|le> <hex>" (COMPACT payload), "WRITE_WITH_SCHEMA <name> <be|le> <hex>"
// (COMPACT_WITH_SCHEMA payload) and "REREAD <index> <hex>" (the COMPACT payload Java writes for what
// it read from stdin line <index>).
// stdin lines:  "<be|le> <-55|-56> <hex>" (payloads without the 8-byte Data header). -56 payloads are
// read by a service that knows no schemas, so the inline schema is what Java goes by.

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.nio.BufferObjectDataOutput;
import com.hazelcast.internal.serialization.impl.AbstractSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.SchemaService;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

public class CompactJavaOracle {

    static final class MapSchemaService implements SchemaService {
        final Map<Long, Schema> schemas = new HashMap<>();
        public Schema get(long id) { return schemas.get(id); }
        public void put(Schema schema) { schemas.put(schema.getSchemaId(), schema); }
        public void putLocal(Schema schema) { put(schema); }
    }

    static final LocalTime TIME = LocalTime.of(23, 59, 58, 999_999_999);
    static final LocalDate DATE = LocalDate.of(-2024, 2, 29);
    static final LocalDateTime DATE_TIME = LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1);
    static final OffsetDateTime OFFSET_DATE_TIME = OffsetDateTime.of(DATE_TIME, ZoneOffset.ofTotalSeconds(-18 * 3600));
    static final BigDecimal DECIMAL = new BigDecimal(new BigInteger("-123456789012345678901234567890"), 7);

    static GenericRecord inner(String s, Integer n) {
        return GenericRecordBuilder.compact("inner").setString("s", s).setNullableInt32("n", n).build();
    }

    static Map<String, GenericRecord> records() {
        Map<String, GenericRecord> records = new LinkedHashMap<>();
        records.put("everything", GenericRecordBuilder.compact("everything")
            .setBoolean("f1", true)
            .setArrayOfBoolean("f2", new boolean[] {true, false, true, true, false, false, true, false, true})
            .setInt8("f3", (byte) -128)
            .setArrayOfInt8("f4", new byte[] {(byte) 0x80, 0, 0x7f, (byte) 0xff})
            .setInt16("f7", (short) -32768)
            .setArrayOfInt16("f8", new short[] {-32768, 0, 32767})
            .setInt32("f9", Integer.MIN_VALUE)
            .setArrayOfInt32("f10", new int[] {Integer.MIN_VALUE, 1, Integer.MAX_VALUE})
            .setInt64("f11", Long.MIN_VALUE)
            .setArrayOfInt64("f12", new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE})
            .setFloat32("f13", -1.5f)
            .setArrayOfFloat32("f14", new float[] {0.5f, -2f, 1024f})
            .setFloat64("f15", -0.0)
            .setArrayOfFloat64("f16", new double[] {Math.PI, Double.NEGATIVE_INFINITY, 1e-300})
            .setString("f17", "héllo 🌍 wörld")
            .setArrayOfString("f18", new String[] {"a", null, "ζ"})
            .setDecimal("f19", DECIMAL)
            .setArrayOfDecimal("f20", new BigDecimal[] {DECIMAL, null, new BigDecimal(BigInteger.valueOf(255), -3)})
            .setTime("f21", TIME)
            .setArrayOfTime("f22", new LocalTime[] {TIME, null})
            .setDate("f23", DATE)
            .setArrayOfDate("f24", new LocalDate[] {null, DATE})
            .setTimestamp("f25", DATE_TIME)
            .setArrayOfTimestamp("f26", new LocalDateTime[] {DATE_TIME})
            .setTimestampWithTimezone("f27", OFFSET_DATE_TIME)
            .setArrayOfTimestampWithTimezone("f28", new OffsetDateTime[] {OFFSET_DATE_TIME, null})
            .setGenericRecord("f29", inner("child", 7))
            .setArrayOfGenericRecord("f30", new GenericRecord[] {inner("a", null), null})
            .setNullableBoolean("f33", true)
            .setArrayOfNullableBoolean("f34", new Boolean[] {true, null, false})
            .setNullableInt8("f35", (byte) -7)
            .setArrayOfNullableInt8("f36", new Byte[] {-128, null, 127})
            .setNullableInt16("f37", (short) 300)
            .setArrayOfNullableInt16("f38", new Short[] {null, 5})
            .setNullableInt32("f39", -70000)
            .setArrayOfNullableInt32("f40", new Integer[] {1, 2, null})
            .setNullableInt64("f41", -9007199254740993L)
            .setArrayOfNullableInt64("f42", new Long[] {5L, null})
            .setNullableFloat32("f43", 0.25f)
            .setArrayOfNullableFloat32("f44", new Float[] {null, 1.25f})
            .setNullableFloat64("f45", -1e100)
            .setArrayOfNullableFloat64("f46", new Double[] {2.5, null})
            .build());
        records.put("nulls", GenericRecordBuilder.compact("nulls")
            .setString("s", null)
            .setDecimal("d", null)
            .setGenericRecord("c", null)
            .setArrayOfInt32("a", null)
            .setArrayOfGenericRecord("ac", null)
            .setNullableInt64("n", null)
            .setInt32("i", 0)
            .build());
        byte[] bytes = new byte[70_000];
        Arrays.fill(bytes, (byte) 7);
        records.put("wide", GenericRecordBuilder.compact("wide")
            .setString("text", "x".repeat(300))
            .setArrayOfString("texts", new String[] {"y".repeat(40_000), null, "z".repeat(100)})
            .setArrayOfInt8("bytes", bytes)
            .build());
        return records;
    }

    static InternalSerializationService service(SchemaService schemas, String order) {
        return new DefaultSerializationServiceBuilder().setSchemaService(schemas)
            .setByteOrder("be".equals(order) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).build();
    }

    public static void main(String[] args) throws Exception {
        MapSchemaService schemas = new MapSchemaService();
        Map<String, InternalSerializationService> services = new LinkedHashMap<>();
        services.put("be", service(schemas, "be"));
        services.put("le", service(schemas, "le"));
        HexFormat hex = HexFormat.of();
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, InternalSerializationService> service : services.entrySet()) {
            for (Map.Entry<String, GenericRecord> record : records().entrySet()) {
                byte[] data = service.getValue().toData(record.getValue()).toByteArray();
                out.append("WRITE ").append(record.getKey()).append(' ').append(service.getKey()).append(' ')
                    .append(hex.formatHex(data, 8, data.length)).append('\n');
                BufferObjectDataOutput withSchema = service.getValue().createObjectDataOutput();
                ((AbstractSerializationService) service.getValue()).getCompactSerializer(true)
                    .write(withSchema, record.getValue());
                out.append("WRITE_WITH_SCHEMA ").append(record.getKey()).append(' ').append(service.getKey())
                    .append(' ').append(hex.formatHex(withSchema.toByteArray())).append('\n');
            }
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int index = 0;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            String[] parts = line.split(" ");
            InternalSerializationService service = services.get(parts[0]);
            int typeId = Integer.parseInt(parts[1]);
            byte[] payload = hex.parseHex(parts[2]);
            byte[] data = new byte[payload.length + 8];
            // Data header: partition hash 0, then the type id, always big-endian.
            data[4] = (byte) (typeId >> 24);
            data[5] = (byte) (typeId >> 16);
            data[6] = (byte) (typeId >> 8);
            data[7] = (byte) typeId;
            System.arraycopy(payload, 0, data, 8, payload.length);
            InternalSerializationService reader = typeId == -56 ? service(new MapSchemaService(), parts[0]) : service;
            Object read = reader.toObject(new HeapData(data));
            byte[] again = service.toData(read).toByteArray();
            out.append("REREAD ").append(index++).append(' ').append(hex.formatHex(again, 8, again.length)).append('\n');
        }
        System.out.print(out);
    }
}
