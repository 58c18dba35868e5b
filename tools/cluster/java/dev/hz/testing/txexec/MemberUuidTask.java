package dev.hz.testing.txexec;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.util.concurrent.Callable;

/** Class id 2. No fields. Returns the uuid (String) of the member it runs on. */
public class MemberUuidTask implements Callable<String>, IdentifiedDataSerializable, HazelcastInstanceAware {
    public static final int CLASS_ID = 2;

    private transient HazelcastInstance instance;

    public MemberUuidTask() {
    }

    @Override
    public String call() {
        return instance.getCluster().getLocalMember().getUuid().toString();
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
