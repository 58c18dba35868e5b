import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { benchRoot, repoRoot } from '../paths';

// A program bundles only the structures it asks for: each messaging structure's getter pulls in its own
// proxy and codecs (and the ReliableTopic its Ringbuffer), never another structure's. Built from the
// sources, so no `pnpm build` is needed.

const STRUCTURES = {
  getMap: ['map'],
  getRingbuffer: ['ringbuffer'],
  getTopic: ['topic'],
  getReliableTopic: ['reliable-topic', 'ringbuffer'],
  getPNCounter: ['pn-counter'],
  getFlakeIdGenerator: ['flake-id'],
} as const;

const CODECS: Record<string, string> = {
  map: 'map',
  ringbuffer: 'ringbuffer',
  topic: 'topic',
  'reliable-topic': 'ringbuffer',
  'pn-counter': 'pn-counter',
  'flake-id': 'flake-id-generator',
};

async function bundledModules(getter: string): Promise<string[]> {
  const result = await build({
    stdin: {
      contents: `import { HazelcastClient, ${getter} } from '@hz/core-client';
const client = await HazelcastClient.newHazelcastClient();
console.log(${getter}(client, 'x'));`,
      // Resolved from this package, which depends on @hz/core-client.
      resolveDir: benchRoot,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@hz/source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: repoRoot,
  });
  return Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, info]) => info.bytesInOutput > 0)
      .map(([path]) => path),
  );
}

describe('structure bundles keep their boundaries', () => {
  for (const [getter, own] of Object.entries(STRUCTURES)) {
    it(`${getter} bundles ${own.join(' and ')} and no other structure`, async () => {
      const modules = await bundledModules(getter);
      for (const folder of Object.keys(CODECS)) {
        const proxyPath = `packages/core-client/src/${folder}/`;
        const codecPath = `packages/protocol/src/generated/codecs/${CODECS[folder]}/`;
        const expected = (own as readonly string[]).includes(folder);
        expect(
          modules.some((m) => m.startsWith(proxyPath)),
          `${getter}: ${proxyPath}`,
        ).toBe(expected);
        const codecExpected = (own as readonly string[]).some((o) => CODECS[o] === CODECS[folder]);
        expect(
          modules.some((m) => m.startsWith(codecPath)),
          `${getter}: ${codecPath}`,
        ).toBe(codecExpected);
      }
      // Topic and ReliableTopic share only the message type module, which holds no structure.
      const shared = modules.some((m) => m.endsWith('listener/message-listener.ts'));
      expect(shared).toBe(getter === 'getTopic');
    });
  }
});
