package dev.hz.testing.sql;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Factory id 71: member-side classes of the @hz/sql tests. Register it in member XML under
 * serialization/data-serializable-factories with factory-id="71". Ids are listed in README.md.
 */
public class SqlTestingFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 71;

    @Override
    public IdentifiedDataSerializable create(int classId) {
        switch (classId) {
            case RunningSqlJobs.CLASS_ID:
                return new RunningSqlJobs();
            case SqlPerson.CLASS_ID:
                return new SqlPerson();
            case SqlBox.CLASS_ID:
                return new SqlBox();
            default:
                return null;
        }
    }
}
