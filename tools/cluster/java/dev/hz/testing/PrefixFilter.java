package dev.hz.testing;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.query.Predicate;
import java.io.IOException;
import java.util.Map;

/** Class id 2. A predicate matching entries whose key is a String starting with {@code prefix}. */
public class PrefixFilter implements Predicate<Object, Object>, IdentifiedDataSerializable {
    public static final int CLASS_ID = 2;
    private static final long serialVersionUID = 1L;

    private String prefix;

    public PrefixFilter() {
    }

    public PrefixFilter(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public boolean apply(Map.Entry<Object, Object> entry) {
        Object key = entry.getKey();
        return key instanceof String && ((String) key).startsWith(prefix);
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
        return IdentifiedFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }
}
