package dev.hz.testing.collections;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.Offloadable;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;

/**
 * Class id 3. An entry processor (the entry is untouched) that returns how Java sees every element of the
 * queue, list or set {@code name}: an ArrayList of CollectionSamples.describe strings, in iteration order.
 */
public class JavaCollectionInspector implements IdentifiedDataSerializable,
        EntryProcessor<Object, Object, ArrayList<String>>, Offloadable, ReadOnly, HazelcastInstanceAware {
    public static final int CLASS_ID = 3;
    private static final long serialVersionUID = 1L;

    private String structure;
    private String name;
    private transient HazelcastInstance instance;

    public JavaCollectionInspector() {
    }

    static Collection<Object> structure(HazelcastInstance instance, String structure, String name) {
        switch (structure) {
            case "queue":
                return instance.getQueue(name);
            case "list":
                return instance.getList(name);
            case "set":
                return instance.getSet(name);
            default:
                throw new IllegalArgumentException("Unknown structure " + structure);
        }
    }

    @Override
    public ArrayList<String> process(Map.Entry<Object, Object> entry) {
        ArrayList<String> described = new ArrayList<>();
        for (Object element : structure(instance, structure, name)) {
            described.add(CollectionSamples.describe(element));
        }
        return described;
    }

    @Override
    public EntryProcessor<Object, Object, ArrayList<String>> getBackupProcessor() {
        return null;
    }

    @Override
    public String getExecutorName() {
        return Offloadable.OFFLOADABLE_EXECUTOR;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public int getFactoryId() {
        return CollectionsFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(structure);
        out.writeString(name);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        structure = in.readString();
        name = in.readString();
    }
}
