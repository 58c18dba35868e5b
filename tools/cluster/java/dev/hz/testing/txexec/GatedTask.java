package dev.hz.testing.txexec;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Class id 4. Fields {@code mapName}, {@code gate} (Strings). A task that runs until a client opens its gate:
 * it puts {@code gate + "-started"} → this member's uuid into map {@code mapName} (so a test can await the
 * start), then waits until the key {@code gate + "-open"} exists in that map (checking every 20 ms, at most
 * 5 minutes), and returns {@code "done " + gate}. Interrupted (a cancelled task), it puts
 * {@code gate + "-interrupted"} → this member's uuid and ends.
 */
public class GatedTask implements Callable<String>, IdentifiedDataSerializable, HazelcastInstanceAware {
    public static final int CLASS_ID = 4;
    private static final long MAX_WAIT_MILLIS = 300_000;

    private String mapName;
    private String gate;
    private transient HazelcastInstance instance;

    public GatedTask() {
    }

    @Override
    public String call() throws InterruptedException {
        IMap<String, String> map = instance.getMap(mapName);
        map.put(gate + "-started", instance.getCluster().getLocalMember().getUuid().toString());
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        try {
            while (!map.containsKey(gate + "-open")) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("gate " + gate + " was never opened");
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            map.put(gate + "-interrupted", instance.getCluster().getLocalMember().getUuid().toString());
            throw e;
        }
        return "done " + gate;
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
        out.writeString(gate);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        mapName = in.readString();
        gate = in.readString();
    }
}
