package dev.hz.testing.txexec;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.Callable;

/**
 * Class id 1. Reads member-local data: whether {@code key} is among the keys of map {@code mapName} that
 * this member owns ({@code IMap.localKeySet()}). Returns an ArrayList of [this member's uuid (String),
 * owns the key (Boolean), the member-local owned entry count of the map (Long)].
 */
public class LocalKeyTask implements Callable<ArrayList<Object>>, IdentifiedDataSerializable, HazelcastInstanceAware {
    public static final int CLASS_ID = 1;

    private String mapName;
    private String key;
    private transient HazelcastInstance instance;

    public LocalKeyTask() {
    }

    @Override
    public ArrayList<Object> call() {
        IMap<Object, Object> map = instance.getMap(mapName);
        ArrayList<Object> result = new ArrayList<>();
        result.add(instance.getCluster().getLocalMember().getUuid().toString());
        result.add(map.localKeySet().contains(key));
        result.add(map.getLocalMapStats().getOwnedEntryCount());
        return result;
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
        out.writeString(key);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        mapName = in.readString();
        key = in.readString();
    }
}
