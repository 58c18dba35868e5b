package dev.hz.testing.collections;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Factory id 67: member-side helpers of the Queue, List and Set tests and of the Java collection type tests.
 * Register it in member XML under serialization/data-serializable-factories with factory-id="67". Class ids
 * are listed in README.md.
 */
public class CollectionsFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 67;

    @Override
    public IdentifiedDataSerializable create(int classId) {
        switch (classId) {
            case JavaCollectionBytes.CLASS_ID:
                return new JavaCollectionBytes();
            case JavaCollectionWriter.CLASS_ID:
                return new JavaCollectionWriter();
            case JavaCollectionInspector.CLASS_ID:
                return new JavaCollectionInspector();
            default:
                return null;
        }
    }
}
