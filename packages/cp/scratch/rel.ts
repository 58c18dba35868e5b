import { HazelcastClient } from '@hz/core-client';
import { Cluster } from '@hz-tools/cluster';
import { getAtomicLong, getSemaphore } from '../src/index';
import { cpXml, localMember } from '../test/helpers';

const cluster = await Cluster.start({ members: 3, version: '5.4.0', cpMemberCount: 3, xml: cpXml() });
try {
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: cluster.name,
    network: { clusterMembers: cluster.addresses },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const sem = getSemaphore(client, 's');
  await sem.init(2);
  await sem.acquire();
  try {
    await sem.release({ permits: 2 });
  } catch (e) {
    console.log('release>held:', (e as Error).name, (e as Error).message.slice(0, 200));
  }
  const al = getAtomicLong(client, 'x');
  console.log(
    'leader',
    await al.apply(localMember()),
    cluster.members.map((m) => m.uuid),
  );
  const al2 = getAtomicLong(client, 'x@other');
  console.log('leader other', await al2.apply(localMember()));
  await client.shutdown();
} finally {
  await cluster.stop();
}
