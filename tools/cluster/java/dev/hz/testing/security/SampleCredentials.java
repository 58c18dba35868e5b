package dev.hz.testing.security;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * Custom credentials (factory 74, class 2): `name` String, `secret` String. Only there so the member can
 * deserialize the custom credentials the client tests send; a Community member refuses them anyway.
 */
public class SampleCredentials implements IdentifiedDataSerializable {
    public static final int CLASS_ID = 2;

    private String name;
    private String secret;

    @Override
    public int getFactoryId() {
        return SecurityFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeString(secret);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        secret = in.readString();
    }
}
