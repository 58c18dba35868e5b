// The quick-start demo: a real member (started here unless one answers on 127.0.0.1:5701), a client that
// connects to it, and a few map operations whose results come back from the member.

import { getMap, HazelcastClient } from '@hz/core-client';
import { readClusterSize } from '@hz-tools/cluster';
import { localMember } from './local-member';

const member = await localMember();
try {
  const port = Number(member.address.split(':')[1]);
  console.log(`member ${member.address} (cluster "${member.clusterName}") is up`);
  console.log(
    `the member reports a cluster of ${await readClusterSize(port)} member(s) (REST health endpoint)`,
  );

  const client = await HazelcastClient.newHazelcastClient({
    clusterName: member.clusterName,
    network: { clusterMembers: [member.address] },
    properties: { 'hazelcast.logging.level': 'WARN' },
  });
  try {
    console.log(`client ${client.getName()} connected; members: ${client.getCluster().getMembers().length}`);
    const scores = getMap<string, number>(client, 'demo-scores');
    await scores.put('ada', 36);
    await scores.put('grace', 85);
    console.log(`map.put('ada', 37) returned ${await scores.put('ada', 37)} (the previous value)`);
    console.log(`map.get('ada') = ${await scores.get('ada')}, map.size() = ${await scores.size()}`);
    console.log(`map.getAll(['ada', 'grace']) = ${JSON.stringify(await scores.getAll(['ada', 'grace']))}`);
    await scores.destroy();
  } finally {
    await client.shutdown();
    console.log('client shut down');
  }
} finally {
  if (member.startedHere) {
    await member.stop();
    console.log('stopped the member the demo started');
  }
}
