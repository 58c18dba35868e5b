package dev.hz.testing.txexec;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;

/**
 * Class id 5. Field {@code mapName} (String). A Runnable (no result: the client gets null) that puts this
 * member's uuid → {@code "ran"} into map {@code mapName}.
 */
public class MarkingRunnable implements Runnable, IdentifiedDataSerializable, HazelcastInstanceAware {
    public static final int CLASS_ID = 5;

    private String mapName;
    private transient HazelcastInstance instance;

    public MarkingRunnable() {
    }

    @Override
    public void run() {
        instance.getMap(mapName).put(instance.getCluster().getLocalMember().getUuid().toString(), "ran");
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
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(mapName);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        mapName = in.readString();
    }
}
