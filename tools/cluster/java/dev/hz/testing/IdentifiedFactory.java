package dev.hz.testing;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Factory id 66: member-side classes the client's query and entry-processor tests send as
 * IdentifiedDataSerializable. Register it in member XML under
 * serialization/data-serializable-factories with factory-id="66". Ids are listed in README.md.
 */
public class IdentifiedFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 66;

    @Override
    public IdentifiedDataSerializable create(int classId) {
        switch (classId) {
            case IdentifiedEntryProcessor.CLASS_ID:
                return new IdentifiedEntryProcessor();
            case PrefixFilter.CLASS_ID:
                return new PrefixFilter();
            case CustomComparator.CLASS_ID:
                return new CustomComparator();
            case AppendingEntryProcessor.CLASS_ID:
                return new AppendingEntryProcessor();
            case SampleMapInterceptor.CLASS_ID:
                return new SampleMapInterceptor();
            default:
                return null;
        }
    }
}
