/** A member endpoint. IPv6 hosts are kept without brackets. */
export interface Address {
  readonly host: string;
  readonly port: number;
}

/** Ports tried, in this order, for a configured member without a port (the member defaults). */
export const DEFAULT_MEMBER_PORTS = [5701, 5702, 5703] as const;

export function addressKey(address: Address): string {
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

/**
 * Expands a configured `host` / `host:port` / `[v6]:port` into the addresses to try: the given port, or
 * 5701-5703 when none is given. The config validator has already rejected malformed entries.
 */
export function candidateAddresses(configured: string): Address[] {
  const match = /^(?:\[([0-9a-fA-F:]+)\]|([^:\s]+))(?::(\d+))?$/.exec(configured.trim());
  if (!match) throw new Error(`not an address: "${configured}"`);
  const host = match[1] ?? match[2] ?? '';
  if (match[3] !== undefined) return [{ host, port: Number(match[3]) }];
  return DEFAULT_MEMBER_PORTS.map((port) => ({ host, port }));
}
