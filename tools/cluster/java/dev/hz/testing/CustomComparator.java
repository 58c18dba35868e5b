package dev.hz.testing;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;

/**
 * Class id 3. Orders entries for a PagingPredicate. {@code type} 0: by key ascending; 1: by value
 * descending, ties broken by key ascending so pages are stable. Keys and values must be Comparable
 * (Strings, numbers); nulls sort first.
 */
public class CustomComparator implements Comparator<Map.Entry<Object, Object>>, IdentifiedDataSerializable {
    public static final int CLASS_ID = 3;
    public static final int BY_KEY_ASCENDING = 0;
    public static final int BY_VALUE_DESCENDING = 1;

    private int type;

    public CustomComparator() {
    }

    public CustomComparator(int type) {
        this.type = type;
    }

    @Override
    public int compare(Map.Entry<Object, Object> a, Map.Entry<Object, Object> b) {
        if (type == BY_VALUE_DESCENDING) {
            int byValue = compareNullable(b.getValue(), a.getValue());
            return byValue != 0 ? byValue : compareNullable(a.getKey(), b.getKey());
        }
        return compareNullable(a.getKey(), b.getKey());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNullable(Object a, Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? -1 : 1);
        }
        return ((Comparable) a).compareTo(b);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(type);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        type = in.readInt();
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
