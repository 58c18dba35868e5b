package dev.hz.testing;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;

/** Class id 1. Sets the entry's value to {@code value} and returns the previous value (null if absent). */
public class IdentifiedEntryProcessor
        implements EntryProcessor<Object, Object, Object>, IdentifiedDataSerializable {
    public static final int CLASS_ID = 1;
    private static final long serialVersionUID = 1L;

    private String value;

    public IdentifiedEntryProcessor() {
    }

    public IdentifiedEntryProcessor(String value) {
        this.value = value;
    }

    @Override
    public Object process(Map.Entry<Object, Object> entry) {
        Object old = entry.getValue();
        entry.setValue(value);
        return old;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(value);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        value = in.readString();
    }

    @Override
    public int getFactoryId() {
        return IdentifiedFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }
}
