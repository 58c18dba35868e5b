package dev.hz.testing.cp;

import com.hazelcast.core.IFunction;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** AtomicReference function: the value as a String with {@code suffix} appended (just the suffix for null). */
public class AppendFunction implements IFunction<Object, Object>, IdentifiedDataSerializable {
    public static final int CLASS_ID = 2;

    private String suffix;

    public AppendFunction() {
    }

    @Override
    public Object apply(Object input) {
        return input == null ? suffix : input + suffix;
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
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(suffix);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        suffix = in.readString();
    }
}
