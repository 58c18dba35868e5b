package dev.hz.testing.messaging;

import com.hazelcast.core.IFunction;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;

/**
 * Class id 1. A ringbuffer readMany filter: accepts items that are Strings starting with {@code prefix}.
 */
public class PrefixItemFilter implements IFunction<Object, Boolean>, IdentifiedDataSerializable {
    public static final int CLASS_ID = 1;
    private static final long serialVersionUID = 1L;

    private String prefix;

    public PrefixItemFilter() {
    }

    public PrefixItemFilter(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Boolean apply(Object item) {
        return item instanceof String && ((String) item).startsWith(prefix);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(prefix);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        prefix = in.readString();
    }

    @Override
    public int getFactoryId() {
        return MessagingFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }
}
