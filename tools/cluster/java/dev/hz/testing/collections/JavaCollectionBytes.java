package dev.hz.testing.collections;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;

/**
 * Class id 1. An entry processor (the entry is untouched) that returns the bytes Java's own serialization
 * writes for the named collection sample (CollectionSamples), so tests compare them with ours and read them.
 */
public class JavaCollectionBytes implements IdentifiedDataSerializable, EntryProcessor<Object, Object, byte[]> {
    public static final int CLASS_ID = 1;
    private static final long serialVersionUID = 1L;

    private String sample;

    public JavaCollectionBytes() {
    }

    @Override
    public byte[] process(Map.Entry<Object, Object> entry) {
        SerializationService serialization = new DefaultSerializationServiceBuilder().build();
        return serialization.toData(CollectionSamples.sample(sample)).toByteArray();
    }

    @Override
    public EntryProcessor<Object, Object, byte[]> getBackupProcessor() {
        return null;
    }

    @Override
    public int getFactoryId() {
        return CollectionsFactory.FACTORY_ID;
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
