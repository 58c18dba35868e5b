package dev.hz.testing.cp;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Factory id 70: the functions @hz/cp's tests pass to AtomicLong and AtomicReference alter/apply. Register
 * it in member XML under serialization/data-serializable-factories with factory-id="70". Ids are listed in
 * README.md next to this file.
 */
public class CpFunctionFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 70;

    @Override
    public IdentifiedDataSerializable create(int classId) {
        switch (classId) {
            case MultiplyFunction.CLASS_ID:
                return new MultiplyFunction();
            case AppendFunction.CLASS_ID:
                return new AppendFunction();
            case DescribeFunction.CLASS_ID:
                return new DescribeFunction();
            case LocalMemberFunction.CLASS_ID:
                return new LocalMemberFunction();
            default:
                return null;
        }
    }
}
