import type { LinkControl } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getMap, type HazelcastClient, type Logger } from '../src/index';
import { clientContext } from '../src/plugin';
import { connectionTo, keysOwnedBy, memberAndProxy } from './faults-helpers';
import { connect } from './helpers';

// A FAKE SERVER, the one place a fake is right: no real member sends malformed or truncated frames. The
// member behind one fault proxy is real (it authenticates the client, sends the member list, answers
// requests); the proxy's transform stands in for a broken member and, when armed, sends bytes of its own
// right after a complete message, at a frame boundary, so what the client reads next is exactly the bad
// input under test.
const cluster = useCluster({ members: 3, proxied: true });
const WAIT = { timeout: 60_000, interval: 50 };

const IS_FINAL = 1 << 13;
const UNFRAGMENTED = (1 << 15) | (1 << 14);

type Corruption = (link: LinkControl) => void;

/**
 * Follows the frames a member sends on each connection and forwards only whole messages; once armed, the
 * next message boundary gets the corruption (then the connection forwards normally again).
 */
class FakeMember {
  readonly #pending = new Map<number, Buffer>();
  #armed: Corruption | undefined;

  arm(corruption: Corruption): void {
    this.#armed = corruption;
  }

  get armed(): boolean {
    return this.#armed !== undefined;
  }

  readonly transform = (chunk: Buffer, link: LinkControl): Buffer => {
    const pending = Buffer.concat([this.#pending.get(link.id) ?? Buffer.alloc(0), chunk]);
    let offset = 0;
    let boundary = 0;
    while (pending.length - offset >= 6) {
      const length = pending.readInt32LE(offset);
      if (length < 6 || offset + length > pending.length) break;
      const flags = pending.readUInt16LE(offset + 4);
      offset += length;
      if (flags & IS_FINAL) boundary = offset;
    }
    this.#pending.set(link.id, pending.subarray(boundary));
    const whole = pending.subarray(0, boundary);
    const corruption = this.#armed;
    if (!corruption || whole.length === 0) return whole;
    this.#armed = undefined;
    link.inject('serverToClient', whole);
    corruption(link);
    return Buffer.alloc(0);
  };
}

function frame(length: number, flags: number, content: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(6);
  header.writeInt32LE(length, 0);
  header.writeUInt16LE(flags, 4);
  return Buffer.concat([header, content]);
}

const lines: string[] = [];
const logger: Logger = {
  error: (name, message) => lines.push(`ERROR [${name}] ${message}`),
  warn: (name, message) => lines.push(`WARN [${name}] ${message}`),
  info: (name, message) => lines.push(`INFO [${name}] ${message}`),
  debug: () => {},
  trace: () => {},
};

let client: HazelcastClient;
let fake: FakeMember;
let victim: string;
const keysByMember = new Map<string, string>();

beforeAll(async () => {
  client = await connect(cluster.current, { customLogger: logger });
  await vi.waitFor(() => expect(clientContext(client).connections.activeConnections).toHaveLength(3), WAIT);
  const members = client.getCluster().getMembers();
  victim = members[1]!.uuid;
  for (const member of members) {
    const [key] = await keysOwnedBy(client, member.uuid, 1, `bad-${member.uuid.slice(0, 8)}`);
    keysByMember.set(member.uuid, key!);
  }
  fake = new FakeMember();
  memberAndProxy(cluster.current, victim).proxy.setTransform('serverToClient', fake.transform);
});

afterAll(async () => {
  await client?.shutdown();
});

const cases: Array<{ name: string; corruption: Corruption; reason: RegExp; log: RegExp }> = [
  {
    name: 'a frame shorter than its own header',
    corruption: (link) => link.inject('serverToClient', frame(3, UNFRAGMENTED | IS_FINAL)),
    reason: /Frame length 3 is smaller than the 6-byte header/,
    log: /WARN \[ConnectionManager\] Connection\{.*member=.*\} broke the client protocol.*Frame length 3/,
  },
  {
    name: 'a frame that claims 2 GiB',
    corruption: (link) => link.inject('serverToClient', frame(0x7fff_ffff, UNFRAGMENTED | IS_FINAL)),
    reason: /exceeds the \d+-byte limit/,
    log: /WARN \[ConnectionManager\] Connection\{.*member=.*\} broke the client protocol.*limit/,
  },
  {
    name: 'a whole message whose initial frame is too short for a response header',
    // 4 bytes of message type, no correlation id: framing is intact, the message is not.
    corruption: (link) => link.inject('serverToClient', frame(10, UNFRAGMENTED | IS_FINAL, Buffer.alloc(4))),
    reason: /Initial frame too short/,
    log: /WARN \[ConnectionManager\] Connection\{.*member=.*\} broke the client protocol.*Initial frame too short/,
  },
  {
    name: 'a truncated frame, then the end of the stream',
    corruption: (link) => {
      link.inject('serverToClient', frame(40, UNFRAGMENTED | IS_FINAL, Buffer.alloc(10)));
      link.end('serverToClient');
    },
    reason: /closed the connection in the middle of a frame/,
    log: /WARN \[ConnectionManager\] Connection\{.*member=.*\} broke the client protocol.*closed the connection in the middle of a frame/,
  },
];

describe('a member that sends malformed or truncated frames', () => {
  for (const { name, corruption, reason, log } of cases) {
    it(`${name}: the client closes that connection with a clear log line and goes on with the others`, async () => {
      const map = getMap<string, string>(client, 'bad-frames');
      const before = connectionTo(client, victim)!;
      const others = client
        .getCluster()
        .getMembers()
        .filter((m) => m.uuid !== victim)
        .map((m) => connectionTo(client, m.uuid)!);
      lines.length = 0;

      fake.arm(corruption);
      // The answer to this request is the message after which the bad bytes come. The client may read both
      // at once and lose the answer with the connection: a read is then sent again through another member.
      expect(await map.get(keysByMember.get(victim)!)).toBeNull();
      await vi.waitFor(() => expect(before.alive).toBe(false), WAIT);
      expect(fake.armed).toBe(false);
      expect(before.closeReason?.message).toMatch(reason);
      expect(lines.some((line) => log.test(line))).toBe(true);

      // The other connections were not touched, and every member's keys still work.
      for (const connection of others) expect(connection.alive).toBe(true);
      for (const key of keysByMember.values()) {
        await map.set(key, `after ${name}`);
        expect(await map.get(key)).toBe(`after ${name}`);
        await map.delete(key);
      }
      // The client connects to the member again (the fake now forwards it faithfully).
      await vi.waitFor(() => expect(connectionTo(client, victim)).toBeDefined(), WAIT);
      expect(connectionTo(client, victim)).not.toBe(before);
      for (const connection of others) expect(connectionTo(client, connection.memberUuid!)).toBe(connection);
    });
  }
});
