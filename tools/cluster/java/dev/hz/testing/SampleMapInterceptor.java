package dev.hz.testing;

import com.hazelcast.map.MapInterceptor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.util.Locale;

/**
 * Class id 5. A map interceptor that returns String values upper-cased on get (the stored value is
 * unchanged) and leaves puts and removes alone. No fields. All instances are equal, so adding it twice
 * registers one interceptor.
 */
public class SampleMapInterceptor implements MapInterceptor, IdentifiedDataSerializable {
    public static final int CLASS_ID = 5;
    private static final long serialVersionUID = 1L;

    @Override
    public Object interceptGet(Object value) {
        // null tells the member to return the original value.
        return value instanceof String ? ((String) value).toUpperCase(Locale.ROOT) : null;
    }

    @Override
    public void afterGet(Object value) {
    }

    @Override
    public Object interceptPut(Object oldValue, Object newValue) {
        return null;
    }

    @Override
    public void afterPut(Object value) {
    }

    @Override
    public Object interceptRemove(Object removedValue) {
        return null;
    }

    @Override
    public void afterRemove(Object oldValue) {
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }

    @Override
    public int getFactoryId() {
        return IdentifiedFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SampleMapInterceptor;
    }

    @Override
    public int hashCode() {
        return CLASS_ID;
    }
}
