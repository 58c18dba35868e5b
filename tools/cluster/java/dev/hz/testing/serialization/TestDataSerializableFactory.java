package dev.hz.testing.serialization;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** Registered on test members (factory id 1000) by @hz/serialization's integration test config. */
public class TestDataSerializableFactory implements DataSerializableFactory {
    @Override
    public IdentifiedDataSerializable create(int typeId) {
        switch (typeId) {
            case Employee.CLASS_ID:
                return new Employee();
            case JavaSample.CLASS_ID:
                return new JavaSample();
            default:
                return null;
        }
    }
}
