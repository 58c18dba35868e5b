package dev.hz.testing.sql;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.Offloadable;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Class id 1. An entry processor that ignores its entry and returns, as a String[], the SQL text of every
 * light job (every SQL query runs as one) the cluster reports as not yet finished: the member-side view of
 * which queries are still running. A job whose text the member does not expose is listed as "?".
 * Offloaded, so the job listing (which asks every member) never blocks a partition thread.
 */
public class RunningSqlJobs
        implements EntryProcessor<Object, Object, String[]>, IdentifiedDataSerializable, HazelcastInstanceAware,
        Offloadable, ReadOnly {
    public static final int CLASS_ID = 1;
    private static final long serialVersionUID = 1L;
    private static final String SQL_TEXT_ARGUMENT = "__sql.queryText";

    private transient HazelcastInstance instance;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public String[] process(Map.Entry<Object, Object> entry) {
        List<String> running = new ArrayList<>();
        for (Job job : instance.getJet().getJobs()) {
            if (!job.isLightJob()) {
                continue;
            }
            // A job whose status cannot be read is listed (conservative: "gone" must mean gone).
            JobStatus status = null;
            try {
                status = job.getStatus();
            } catch (RuntimeException unknown) {
                // listed below
            }
            if (status != null && status.isTerminal()) {
                continue;
            }
            running.add(sqlText(job));
        }
        return running.toArray(new String[0]);
    }

    private static String sqlText(Job job) {
        try {
            JobConfig config = job.getConfig();
            Object text = config.getArgument(SQL_TEXT_ARGUMENT);
            return text == null ? "?" : text.toString();
        } catch (RuntimeException unsupported) {
            return "?";
        }
    }

    @Override
    public String getExecutorName() {
        return Offloadable.OFFLOADABLE_EXECUTOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
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
