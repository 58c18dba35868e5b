package dev.hz.testing.txexec;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Factory id 75: the executor-service tasks of the client's executor and transaction tests. Register it in
 * member XML under serialization/data-serializable-factories with factory-id="75". Class ids are listed in
 * README.md.
 */
public class TxExecFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 75;

    @Override
    public IdentifiedDataSerializable create(int classId) {
        switch (classId) {
            case LocalKeyTask.CLASS_ID:
                return new LocalKeyTask();
            case MemberUuidTask.CLASS_ID:
                return new MemberUuidTask();
            case FailingTask.CLASS_ID:
                return new FailingTask();
            case GatedTask.CLASS_ID:
                return new GatedTask();
            case MarkingRunnable.CLASS_ID:
                return new MarkingRunnable();
            case MemberUuidEntryProcessor.CLASS_ID:
                return new MemberUuidEntryProcessor();
            default:
                return null;
        }
    }
}
