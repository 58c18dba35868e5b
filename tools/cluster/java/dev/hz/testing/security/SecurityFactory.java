package dev.hz.testing.security;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Factory id 74: member-side helpers of the client's security and statistics tests. Register it in member
 * XML under serialization/data-serializable-factories with factory-id="74". Ids are listed in README.md.
 */
public class SecurityFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 74;

    @Override
    public IdentifiedDataSerializable create(int classId) {
        switch (classId) {
            case ClientStatisticsReader.CLASS_ID:
                return new ClientStatisticsReader();
            case SampleCredentials.CLASS_ID:
                return new SampleCredentials();
            default:
                return null;
        }
    }
}
