import { describe, expect, it } from 'vitest';
import { heartbeatVerdict } from './heartbeat';

const INTERVAL = 5_000;
const TIMEOUT = 60_000;

describe('heartbeatVerdict', () => {
  it('keeps a connection that answered recently and wrote recently', () => {
    expect(
      heartbeatVerdict({ lastReadAt: 100, lastResponseAt: 100, lastWriteAt: 100 }, 1_000, INTERVAL, TIMEOUT),
    ).toBe('alive');
  });

  it('pings a connection that wrote nothing for the interval', () => {
    expect(
      heartbeatVerdict(
        { lastReadAt: 9_000, lastResponseAt: 9_000, lastWriteAt: 0 },
        9_000,
        INTERVAL,
        TIMEOUT,
      ),
    ).toBe('ping');
  });

  it('pings a busy connection whose requests get no answer for the interval', () => {
    // Requests keep going out (lastWriteAt is fresh) but nothing answers them.
    expect(
      heartbeatVerdict(
        { lastReadAt: 9_000, lastResponseAt: 2_000, lastWriteAt: 9_000 },
        9_000,
        INTERVAL,
        TIMEOUT,
      ),
    ).toBe('ping');
  });

  it('gives up a connection that answered nothing for the timeout, even while events keep arriving', () => {
    expect(
      heartbeatVerdict(
        { lastReadAt: 70_000, lastResponseAt: 9_000, lastWriteAt: 70_000 },
        70_000,
        INTERVAL,
        TIMEOUT,
      ),
    ).toBe('dead');
  });

  it('gives up a silent connection (nothing read at all) after the timeout', () => {
    expect(
      heartbeatVerdict({ lastReadAt: 0, lastResponseAt: 0, lastWriteAt: 60_500 }, 60_001, INTERVAL, TIMEOUT),
    ).toBe('dead');
    expect(
      heartbeatVerdict({ lastReadAt: 0, lastResponseAt: 0, lastWriteAt: 60_000 }, 60_000, INTERVAL, TIMEOUT),
    ).toBe('ping');
  });
});
