package dev.hz.testing.sql;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;

/**
 * A lifecycle listener (configured by class name under listeners) for clusters whose members all start as
 * lite members: the harness's first member (system property hz.harness.tag ending in ".0") promotes itself
 * to a data member once started, so the cluster has exactly one data member and the others stay lite.
 */
public class PromoteFirstMember implements LifecycleListener, HazelcastInstanceAware {
    private volatile HazelcastInstance instance;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() != LifecycleEvent.LifecycleState.STARTED) {
            return;
        }
        String tag = System.getProperty("hz.harness.tag", "");
        if (!tag.endsWith(".0") || instance == null) {
            return;
        }
        HazelcastInstance local = instance;
        // Not on the lifecycle thread: promotion waits for the master's answer.
        Thread promote = new Thread(() -> local.getCluster().promoteLocalLiteMember(), "promote-first-member");
        promote.setDaemon(true);
        promote.start();
    }
}
