package dev.hz.testing.cp;

import com.hazelcast.core.IFunction;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * AtomicLong or AtomicReference function for apply: the String {@code "value=" + input}, so a test sees a
 * result of another type than the stored value. No fields.
 */
public class DescribeFunction implements IFunction<Object, String>, IdentifiedDataSerializable {
    public static final int CLASS_ID = 3;

    public DescribeFunction() {
    }

    @Override
    public String apply(Object input) {
        return "value=" + input;
    }

    @Override
    public int getFactoryId() {
        return CpFunctionFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
