package dev.hz.testing;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;

/**
 * Class id 4. Appends {@code suffix} to the entry's value (its toString(); an absent entry counts as "")
 * and returns the new String value.
 */
public class AppendingEntryProcessor
        implements EntryProcessor<Object, Object, Object>, IdentifiedDataSerializable {
    public static final int CLASS_ID = 4;
    private static final long serialVersionUID = 1L;

    private String suffix;

    public AppendingEntryProcessor() {
    }

    public AppendingEntryProcessor(String suffix) {
        this.suffix = suffix;
    }

    @Override
    public Object process(Map.Entry<Object, Object> entry) {
        Object old = entry.getValue();
        String updated = (old == null ? "" : old.toString()) + suffix;
        entry.setValue(updated);
        return updated;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(suffix);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        suffix = in.readString();
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
