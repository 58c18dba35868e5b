package dev.hz.testing.txexec;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/** Class id 3. Field {@code message} (String). Throws {@code TaskFailedException(message)}. */
public class FailingTask implements Callable<Object>, IdentifiedDataSerializable {
    public static final int CLASS_ID = 3;

    private String message;

    public FailingTask() {
    }

    @Override
    public Object call() {
        throw new TaskFailedException(message);
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
        out.writeString(message);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        message = in.readString();
    }
}
