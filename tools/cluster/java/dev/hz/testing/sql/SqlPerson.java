package dev.hz.testing.sql;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;

/**
 * Class id 2. A value class for SQL's 'java' format (valueJavaClass='dev.hz.testing.sql.SqlPerson'): the
 * member reads its columns (name VARCHAR, age INTEGER) through its public getters and builds instances with
 * the no-argument constructor and setters on INSERT. Serialized as IdentifiedDataSerializable, so clients can
 * write and read it: name (String), then age (int).
 */
public class SqlPerson implements IdentifiedDataSerializable {
    public static final int CLASS_ID = 2;

    private String name;
    private int age;

    public SqlPerson() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getAge() {
        return age;
    }

    public void setAge(int age) {
        this.age = age;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeInt(age);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        age = in.readInt();
    }

    @Override
    public int getFactoryId() {
        return SqlTestingFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }
}
