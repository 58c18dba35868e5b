package dev.hz.testing.sql;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;

/**
 * Class id 3. A value class for SQL's 'java' format with an OBJECT column: label (VARCHAR) and content
 * (OBJECT, any value the member can serialize). SQL cannot write the top-level OBJECT ({@code this}), but it
 * writes nested OBJECT fields, so this is how OBJECT parameters reach a map. Serialized as
 * IdentifiedDataSerializable: label (String), then content (writeObject).
 */
public class SqlBox implements IdentifiedDataSerializable {
    public static final int CLASS_ID = 3;

    private String label;
    private Object content;

    public SqlBox() {
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public Object getContent() {
        return content;
    }

    public void setContent(Object content) {
        this.content = content;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(label);
        out.writeObject(content);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        label = in.readString();
        content = in.readObject();
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
