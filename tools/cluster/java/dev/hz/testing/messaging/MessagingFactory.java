package dev.hz.testing.messaging;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Factory id 69: member-side classes the client's messaging tests (ringbuffer, topics) send as
 * IdentifiedDataSerializable. Register it in member XML under serialization/data-serializable-factories with
 * factory-id="69". Ids are listed in README.md.
 */
public class MessagingFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 69;

    @Override
    public IdentifiedDataSerializable create(int classId) {
        switch (classId) {
            case PrefixItemFilter.CLASS_ID:
                return new PrefixItemFilter();
            default:
                return null;
        }
    }
}
