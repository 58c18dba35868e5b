package dev.hz.harness;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Member launcher used by the TypeScript harness (tools/cluster).
 *
 * It starts a member from the config named by -Dhazelcast.config and reports on stdout, in lines
 * starting with "@@HZ ", when the member is started and how many members its cluster has, so the
 * harness can wait for real readiness instead of an open port.
 *
 * With -Dhz.harness.exitOnStdinClose=true the JVM halts as soon as its stdin closes: the harness keeps a
 * pipe open for the member's lifetime, so a test process that dies (even by SIGKILL) takes its members
 * with it and no orphaned JVM survives the run.
 */
public final class TestMember {
    private TestMember() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("hz.harness.exitOnStdinClose")) {
            Thread watchdog = new Thread(TestMember::haltWhenStdinCloses, "hz-harness-stdin-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        HazelcastInstance instance = Hazelcast.newHazelcastInstance();
        instance.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                report("MEMBERS " + event.getMembers().size());
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                report("MEMBERS " + event.getMembers().size());
            }
        });
        Member local = instance.getCluster().getLocalMember();
        report("READY " + local.getUuid() + " " + local.getAddress().getHost() + ":" + local.getAddress().getPort());
        report("MEMBERS " + instance.getCluster().getMembers().size());
    }

    private static void haltWhenStdinCloses() {
        try {
            while (System.in.read() != -1) {
                // Input is ignored; only the end of the stream matters.
            }
        } catch (java.io.IOException ignored) {
            // A broken pipe means the same as EOF: the harness is gone.
        }
        Runtime.getRuntime().halt(0);
    }

    private static synchronized void report(String line) {
        System.out.println("@@HZ " + line);
        System.out.flush();
    }
}
