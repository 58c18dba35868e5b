package dev.hz.testing.serialization;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;

/**
 * The member-side twin of the IdentifiedDataSerializable that @hz/serialization's integration test writes:
 * the member must read the TypeScript bytes field by field for queries on these fields to match.
 */
public class Employee implements IdentifiedDataSerializable {
    public static final int FACTORY_ID = 1000;
    public static final int CLASS_ID = 1;

    private int age;
    private String name;
    private long id;
    private double salary;
    private String[] tags;

    public Employee() {
    }

    public int getAge() {
        return age;
    }

    public String getName() {
        return name;
    }

    public long getId() {
        return id;
    }

    public double getSalary() {
        return salary;
    }

    public int getTagCount() {
        return tags == null ? -1 : tags.length;
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(age);
        out.writeString(name);
        out.writeLong(id);
        out.writeDouble(salary);
        out.writeStringArray(tags);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        age = in.readInt();
        name = in.readString();
        id = in.readLong();
        salary = in.readDouble();
        tags = in.readStringArray();
    }
}
