package dev.hz.testing.txexec;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.util.Map;

/**
 * Class id 6. No fields. A read-only entry processor that returns the uuid (String) of the member it runs on
 * and leaves the entry alone: MemberUuidTask's counterpart for clients without an executor (the benchmark
 * compares the two).
 */
public class MemberUuidEntryProcessor implements EntryProcessor<Object, Object, String>, ReadOnly,
        IdentifiedDataSerializable, HazelcastInstanceAware {
    public static final int CLASS_ID = 6;
    private static final long serialVersionUID = 1L;

    private transient HazelcastInstance instance;

    public MemberUuidEntryProcessor() {
    }

    @Override
    public String process(Map.Entry<Object, Object> entry) {
        return instance.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public EntryProcessor<Object, Object, String> getBackupProcessor() {
        return null;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public int getFactoryId() {
        return TxExecFactory.FACTORY_ID;
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
