package dev.hz.testing.serialization;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.Map;

/**
 * An entry processor that returns the bytes Java's own serialization writes for a named sample value, so the
 * TypeScript tests can compare their bytes (or their reading) with Java's for types the golden file lacks.
 */
public class JavaSample implements IdentifiedDataSerializable, EntryProcessor<Object, Object, byte[]> {
    public static final int CLASS_ID = 2;

    private String sample;

    public JavaSample() {
    }

    @Override
    public byte[] process(Map.Entry<Object, Object> entry) {
        SerializationService serialization = new DefaultSerializationServiceBuilder().build();
        return serialization.toData(sampleValue()).toByteArray();
    }

    private Object sampleValue() {
        String[] parts = sample.split(":", 2);
        String argument = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case "SimpleEntry":
                return new AbstractMap.SimpleEntry<>("key", 42);
            case "SimpleImmutableEntry":
                return new AbstractMap.SimpleImmutableEntry<>("key", 42);
            case "BigInteger":
                return new BigInteger(argument);
            case "BigDecimal":
                return new BigDecimal(argument);
            case "String":
                return argument;
            case "LoneSurrogate":
                return "a\uD800b\uDC00c";
            default:
                throw new IllegalArgumentException("Unknown sample " + sample);
        }
    }

    @Override
    public int getFactoryId() {
        return Employee.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(sample);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        sample = in.readString();
    }
}
