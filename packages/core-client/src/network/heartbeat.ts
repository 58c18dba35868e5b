/** What the heartbeat reads of a connection. */
export interface HeartbeatClock {
  /** When any message (a response or an event) was last read. */
  readonly lastReadAt: number;
  /** When a response (not an event) was last read: proof that the member still reads what we send. */
  readonly lastResponseAt: number;
  /** When a message was last written. */
  readonly lastWriteAt: number;
}

export type HeartbeatVerdict = 'alive' | 'ping' | 'dead';

/**
 * The heartbeat's decision for one connection at `now`.
 *
 * A member proves it is alive by answering. Events alone prove nothing about the way to the member: when
 * only the client's direction is broken (a half-open path), the member keeps pushing events while every
 * request, pings included, is lost, and a rule that looked at reads only would keep the connection, and
 * every invocation sent on it, forever. So the client pings whenever no response came for `intervalMs`
 * (or nothing was written for that long), and gives the connection up when no response came for
 * `timeoutMs`, however many events did.
 */
export function heartbeatVerdict(
  clock: HeartbeatClock,
  now: number,
  intervalMs: number,
  timeoutMs: number,
): HeartbeatVerdict {
  if (now - clock.lastResponseAt > timeoutMs) return 'dead';
  if (now - clock.lastWriteAt > intervalMs || now - clock.lastResponseAt > intervalMs) return 'ping';
  return 'alive';
}
