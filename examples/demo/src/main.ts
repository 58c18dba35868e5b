// The quick-start demo. Today it shows a real member starting and reports what the member itself says
// about its cluster; the client steps are added as the client packages land.
import { readClusterSize } from '@hz-tools/cluster';
import { localMember } from './local-member';

const member = await localMember();
try {
  const port = Number(member.address.split(':')[1]);
  console.log(`member ${member.address} (cluster "${member.clusterName}") is up`);
  console.log(
    `the member reports a cluster of ${await readClusterSize(port)} member(s) (REST health endpoint)`,
  );
} finally {
  if (member.startedHere) {
    await member.stop();
    console.log('stopped the member the demo started');
  }
}
