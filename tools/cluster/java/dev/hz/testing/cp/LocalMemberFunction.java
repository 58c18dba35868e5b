package dev.hz.testing.cp;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.IFunction;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * AtomicLong or AtomicReference function for apply: the uuid of the member that runs it. A linearizable
 * apply (IAtomicLong.apply, IAtomicReference.apply) runs on the leader of the object's CP group only, so
 * this names the group's current Raft leader. No fields; the member injects its instance on deserialization.
 */
public class LocalMemberFunction implements IFunction<Object, String>, IdentifiedDataSerializable,
        HazelcastInstanceAware {
    public static final int CLASS_ID = 4;

    private transient HazelcastInstance instance;

    public LocalMemberFunction() {
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public String apply(Object input) {
        return instance == null ? null : instance.getCluster().getLocalMember().getUuid().toString();
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
