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
import java.util.Collection;
import java.util.Map;

/**
 * Class id 2. An entry processor (the entry is untouched) that adds the named samples (CollectionSamples),
 * in order, to the queue, list or set {@code name} through the member's own Java API, as a Java application
 * would; returns how many it added. Offloaded, so it may call other partitions.
 */
public class JavaCollectionWriter implements IdentifiedDataSerializable, EntryProcessor<Object, Object, Integer>,
        Offloadable, ReadOnly, HazelcastInstanceAware {
    public static final int CLASS_ID = 2;
    private static final long serialVersionUID = 1L;

    private String structure;
    private String name;
    private String[] samples;
    private transient HazelcastInstance instance;

    public JavaCollectionWriter() {
    }

    @Override
    public Integer process(Map.Entry<Object, Object> entry) {
        Collection<Object> target = JavaCollectionInspector.structure(instance, structure, name);
        int added = 0;
        for (String sample : samples) {
            if (target.add(CollectionSamples.sample(sample))) {
                added++;
            }
        }
        return added;
    }

    @Override
    public EntryProcessor<Object, Object, Integer> getBackupProcessor() {
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
        out.writeStringArray(samples);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        structure = in.readString();
        name = in.readString();
        samples = in.readStringArray();
    }
}
