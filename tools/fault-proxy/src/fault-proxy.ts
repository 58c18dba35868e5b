import { connect, createServer, type Server, type Socket } from 'node:net';

/** One way through the proxy: what the client sends, or what the server sends back. */
export type Direction = 'clientToServer' | 'serverToClient';
/** A fault applies to one direction or to both. */
export type Directions = Direction | 'both';

export interface FaultProxyOptions {
  /** Where every accepted connection is forwarded. */
  target: { readonly host?: string; readonly port: number };
  /** Port to listen on; default 0 (the kernel picks one). */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Source of randomness for jitter (tests pass a fixed sequence); default Math.random. */
  random?: () => number;
}

/** Counters of one direction, over every connection the proxy has carried. */
export interface DirectionStats {
  /** Bytes written to the receiving side. */
  bytesForwarded: number;
  /** Bytes that vanished in a black hole. */
  bytesDropped: number;
  /** FINs and resets that vanished in a black hole. */
  closesDropped: number;
  /** Socket writes made to the receiving side (one per slice when slicing). */
  writes: number;
}

/**
 * Lets a transform (see `setTransform`) add bytes or closes of its own to one connection, as if the
 * other side had sent them. They take the same way as forwarded data: behind what is queued, through the
 * direction's faults.
 */
export interface LinkControl {
  /** Unique per proxy, in accept order. */
  readonly id: number;
  /** Queues `data` in `direction` behind what is already queued. */
  inject(direction: Direction, data: Buffer): void;
  /** Ends `direction` (a FIN to its receiver) once what is queued before it has been written. */
  end(direction: Direction): void;
  /** Closes both sides at once with RST. */
  reset(): void;
}

/**
 * Rewrites the bytes read in one direction before any fault applies: return the bytes to forward (the
 * same buffer, another one, or an empty one) and use `link` to add or end.
 */
export type Transform = (chunk: Buffer, link: LinkControl) => Buffer;

interface Faults {
  latencyMs: number;
  jitterMs: number;
  /** 0: unlimited. */
  bytesPerSecond: number;
  /** 0: forward chunks as read. */
  sliceBytes: number;
  paused: boolean;
  blackholed: boolean;
}

const NO_FAULTS: Readonly<Faults> = {
  latencyMs: 0,
  jitterMs: 0,
  bytesPerSecond: 0,
  sliceBytes: 0,
  paused: false,
  blackholed: false,
};

/** Above this many queued bytes in one direction, the proxy stops reading its sender (TCP backpressure). */
const HIGH_WATER_BYTES = 1 << 20;

/**
 * A TCP proxy that forwards connections to one target and injects network faults on command, for tests:
 *
 * - `setLatency(ms, { jitterMs })`: every chunk is held `ms` plus a random share of `jitterMs`, yet bytes
 *   keep their order in each direction (a chunk is never delivered before the one read before it).
 * - `setBandwidth(bytesPerSecond)`: each direction of each connection carries at most that rate.
 * - `setSlicing(bytes)`: every write to the receiver is cut into writes of `bytes` (1: one byte per write,
 *   one write per event-loop turn, with Nagle off), so the receiver reads messages in fragments.
 * - `blackhole()`: bytes and closes vanish silently (no RST, no FIN reaches the other side). A direction
 *   that lost bytes has lost part of its stream, so it stays a black hole for that connection after
 *   `heal()` (like a flow a stateful firewall forgot: half-open for good); connections made after `heal()`
 *   are fine. A connection accepted during a black hole never reaches the target (its SYN would have
 *   been lost): the client connects but nothing ever answers.
 * - `pause()` / `resume()`: a stall. Nothing is forwarded and the senders are not read (their writes back
 *   up as in a frozen network), then everything, closes included, is delivered in order.
 * - `resetConnections()`: closes every current connection with RST on both sides.
 * - `setTransform(direction, fn)`: rewrites the bytes of one direction (a fake server that sends
 *   malformed frames on top of a real one).
 *
 * `heal()` lifts every fault. Faults apply to connections that are open and to those accepted later.
 */
export class FaultProxy {
  readonly host: string;
  readonly #server: Server;
  readonly #target: { host: string; port: number };
  readonly #random: () => number;
  readonly #links = new Set<Link>();
  readonly #faults: Record<Direction, Faults> = {
    clientToServer: { ...NO_FAULTS },
    serverToClient: { ...NO_FAULTS },
  };
  readonly #transforms: Record<Direction, Transform | undefined> = {
    clientToServer: undefined,
    serverToClient: undefined,
  };
  readonly stats: Record<Direction, DirectionStats> = {
    clientToServer: { bytesForwarded: 0, bytesDropped: 0, closesDropped: 0, writes: 0 },
    serverToClient: { bytesForwarded: 0, bytesDropped: 0, closesDropped: 0, writes: 0 },
  };
  /** Connections accepted so far. */
  accepted = 0;
  #port = 0;
  #closed = false;

  private constructor(server: Server, options: FaultProxyOptions) {
    this.#server = server;
    this.host = options.host ?? '127.0.0.1';
    this.#target = { host: options.target.host ?? '127.0.0.1', port: options.target.port };
    this.#random = options.random ?? Math.random;
  }

  /** Listens and resolves once connections are accepted. */
  static start(options: FaultProxyOptions): Promise<FaultProxy> {
    // Half-open allowed: a FIN read from one side is forwarded as a FIN in its direction only.
    const server = createServer({ noDelay: true, pauseOnConnect: true, allowHalfOpen: true });
    const proxy = new FaultProxy(server, options);
    server.on('connection', (socket) => proxy.#accept(socket));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: proxy.host, port: options.port ?? 0, exclusive: true }, () => {
        server.off('error', reject);
        const address = server.address();
        proxy.#port = typeof address === 'object' && address ? address.port : 0;
        resolve(proxy);
      });
    });
  }

  get port(): number {
    return this.#port;
  }

  /** `host:port` to connect to. */
  get address(): string {
    return `${this.host}:${this.#port}`;
  }

  get target(): string {
    return `${this.#target.host}:${this.#target.port}`;
  }

  /** Connections with at least one side still open. */
  get connectionCount(): number {
    return this.#links.size;
  }

  /** Bytes read and not yet written in `direction`, over every connection (held by latency, bandwidth, pause). */
  queuedBytes(direction: Direction): number {
    let total = 0;
    for (const link of this.#links) total += link.queuedBytes(direction);
    return total;
  }

  /** Holds every chunk `latencyMs` plus up to `jitterMs` more (uniformly), order kept per direction. */
  setLatency(latencyMs: number, options: { jitterMs?: number; direction?: Directions } = {}): this {
    checkNonNegative('latencyMs', latencyMs);
    const jitterMs = options.jitterMs ?? 0;
    checkNonNegative('jitterMs', jitterMs);
    return this.#set(options.direction, { latencyMs, jitterMs });
  }

  /** At most `bytesPerSecond` per direction of each connection; null lifts the limit. */
  setBandwidth(bytesPerSecond: number | null, options: { direction?: Directions } = {}): this {
    if (bytesPerSecond !== null && !(bytesPerSecond > 0))
      throw new RangeError(`bytesPerSecond must be positive or null, got ${bytesPerSecond}`);
    return this.#set(options.direction, { bytesPerSecond: bytesPerSecond ?? 0 });
  }

  /** Cuts every write into writes of `sliceBytes` (one per event-loop turn); null writes chunks whole. */
  setSlicing(sliceBytes: number | null, options: { direction?: Directions } = {}): this {
    if (sliceBytes !== null && !(Number.isInteger(sliceBytes) && sliceBytes > 0))
      throw new RangeError(`sliceBytes must be a positive integer or null, got ${sliceBytes}`);
    return this.#set(options.direction, { sliceBytes: sliceBytes ?? 0 });
  }

  /** Bytes and closes in `direction` vanish from now on; see the class comment for what `heal()` restores. */
  blackhole(options: { direction?: Directions } = {}): this {
    return this.#set(options.direction, { blackholed: true });
  }

  /** Stops forwarding (and reading) in `direction` until `resume()`; nothing is lost. */
  pause(options: { direction?: Directions } = {}): this {
    return this.#set(options.direction, { paused: true });
  }

  resume(options: { direction?: Directions } = {}): this {
    return this.#set(options.direction, { paused: false });
  }

  /** Rewrites what is read in `direction` (null: forward as read). */
  setTransform(direction: Direction, transform: Transform | null): this {
    this.#transforms[direction] = transform ?? undefined;
    return this;
  }

  /** Lifts every fault and transform (flows that lost bytes to a black hole stay dead). */
  heal(): this {
    for (const direction of DIRECTIONS) {
      this.#faults[direction] = { ...NO_FAULTS };
      this.#transforms[direction] = undefined;
    }
    this.#refresh();
    return this;
  }

  /** Closes every open connection with RST on both sides; returns how many there were. */
  resetConnections(): number {
    const links = [...this.#links];
    for (const link of links) link.reset();
    return links.length;
  }

  /** Stops listening and resets every connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.resetConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** @internal */
  faults(direction: Direction): Readonly<Faults> {
    return this.#faults[direction];
  }

  /** @internal */
  transform(direction: Direction): Transform | undefined {
    return this.#transforms[direction];
  }

  /** @internal */
  random(): number {
    return this.#random();
  }

  /** @internal */
  linkClosed(link: Link): void {
    this.#links.delete(link);
  }

  #set(directions: Directions | undefined, change: Partial<Faults>): this {
    for (const direction of selected(directions)) Object.assign(this.#faults[direction], change);
    this.#refresh();
    return this;
  }

  #refresh(): void {
    for (const link of this.#links) link.refresh();
  }

  #accept(client: Socket): void {
    if (this.#closed) {
      client.resetAndDestroy();
      return;
    }
    this.accepted++;
    // A black hole swallows the handshake too: the client's connection never reaches the target.
    const unreachable = DIRECTIONS.some((d) => this.#faults[d].blackholed);
    const link = new Link(this, this.accepted, client, unreachable ? undefined : this.#target);
    this.#links.add(link);
  }
}

const DIRECTIONS: readonly Direction[] = ['clientToServer', 'serverToClient'];

function selected(directions: Directions | undefined): readonly Direction[] {
  if (directions === undefined || directions === 'both') return DIRECTIONS;
  if (directions !== 'clientToServer' && directions !== 'serverToClient')
    throw new RangeError(`direction must be clientToServer, serverToClient or both, got ${directions}`);
  return [directions];
}

function checkNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0))
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
}

/** One accepted connection and its connection to the target. */
class Link implements LinkControl {
  readonly id: number;
  readonly #proxy: FaultProxy;
  readonly #client: Socket;
  #server: Socket | undefined;
  readonly #pipes: Record<Direction, Pipe>;
  #open = 2;

  constructor(
    proxy: FaultProxy,
    id: number,
    client: Socket,
    target: { host: string; port: number } | undefined,
  ) {
    this.id = id;
    this.#proxy = proxy;
    this.#client = client;
    client.setNoDelay(true);
    const up = new Pipe(proxy, this, 'clientToServer', client, () => this.#server);
    const down = new Pipe(proxy, this, 'serverToClient', undefined, () => this.#client);
    this.#pipes = { clientToServer: up, serverToClient: down };
    this.#follow(client, up);
    if (target === undefined) {
      // Never connected: the server side counts as gone, and nothing the client sends arrives anywhere.
      up.lose();
      this.#sideClosed();
      client.resume();
      return;
    }
    const server = connect({ host: target.host, port: target.port, noDelay: true, allowHalfOpen: true });
    server.once('connect', () => {
      this.#server = server;
      down.attach(server);
      up.refresh();
      down.refresh();
    });
    server.once('error', () => {
      // The target refused or vanished before the connection was made: the client sees a reset.
      if (!this.#server) {
        this.#proxy.linkClosed(this);
        client.resetAndDestroy();
      }
    });
    this.#follow(server, down);
  }

  inject(direction: Direction, data: Buffer): void {
    this.#pipes[direction].enqueueData(data);
  }

  end(direction: Direction): void {
    this.#pipes[direction].enqueueClose('end');
  }

  reset(): void {
    this.#client.resetAndDestroy();
    this.#server?.resetAndDestroy();
    this.#pipes.clientToServer.kill();
    this.#pipes.serverToClient.kill();
    this.#proxy.linkClosed(this);
  }

  queuedBytes(direction: Direction): number {
    return this.#pipes[direction].queuedBytes;
  }

  refresh(): void {
    this.#pipes.clientToServer.refresh();
    this.#pipes.serverToClient.refresh();
  }

  #follow(socket: Socket, pipe: Pipe): void {
    let ended = false;
    socket.on('data', (chunk: Buffer) => pipe.onData(chunk));
    socket.on('end', () => {
      ended = true;
      pipe.onClose('end');
    });
    // Errors show up as 'close' with hadError; a close without a FIN first was a reset or a destroy.
    socket.on('error', () => {});
    socket.once('close', () => {
      if (!ended) pipe.onClose('reset');
      this.#sideClosed();
    });
  }

  #sideClosed(): void {
    this.#open--;
    if (this.#open <= 0) this.#proxy.linkClosed(this);
  }
}

type Item =
  | { readonly kind: 'data'; readonly data: Buffer; readonly dueAt: number }
  | { readonly kind: 'end' | 'reset'; readonly dueAt: number };

/** One direction of one connection: reads its sender, delays, shapes and writes to its receiver. */
class Pipe {
  readonly #proxy: FaultProxy;
  readonly #link: Link;
  readonly #direction: Direction;
  #source: Socket | undefined;
  readonly #sink: () => Socket | undefined;
  #queue: Item[] = [];
  #queuedBytes = 0;
  #lastDueAt = 0;
  #bandwidthFreeAt = 0;
  #timer: NodeJS.Timeout | undefined;
  /** A write (or a run of slices) in progress, or the sink asked us to wait for 'drain'. */
  #busy = false;
  /** Lost bytes or a close to a black hole: nothing is delivered any more. */
  #dead = false;
  #finished = false;
  #killed = false;

  constructor(
    proxy: FaultProxy,
    link: Link,
    direction: Direction,
    source: Socket | undefined,
    sink: () => Socket | undefined,
  ) {
    this.#proxy = proxy;
    this.#link = link;
    this.#direction = direction;
    this.#source = source;
    this.#sink = sink;
  }

  get queuedBytes(): number {
    return this.#queuedBytes;
  }

  attach(source: Socket): void {
    this.#source = source;
  }

  /** Loses everything from now on, as a black hole does (counted in the stats). */
  lose(): void {
    this.#dead = true;
  }

  /** Stops for good, silently (the connection was reset on purpose). */
  kill(): void {
    this.#killed = true;
    this.#dead = true;
    this.#queue = [];
    this.#queuedBytes = 0;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  onData(chunk: Buffer): void {
    if (this.#killed) return;
    const faults = this.#proxy.faults(this.#direction);
    if (this.#dead || faults.blackholed) {
      this.#drop(chunk.length);
      return;
    }
    const transform = this.#proxy.transform(this.#direction);
    const data = transform ? transform(chunk, this.#link) : chunk;
    if (data.length > 0) this.enqueueData(data);
  }

  onClose(kind: 'end' | 'reset'): void {
    if (this.#killed) return;
    if (this.#dead || this.#proxy.faults(this.#direction).blackholed) {
      this.#drop(0);
      this.#proxy.stats[this.#direction].closesDropped++;
      return;
    }
    this.enqueueClose(kind);
  }

  enqueueData(data: Buffer): void {
    if (this.#dead || this.#finished) return;
    const faults = this.#proxy.faults(this.#direction);
    const now = Date.now();
    const delay = faults.latencyMs + (faults.jitterMs > 0 ? this.#proxy.random() * faults.jitterMs : 0);
    if (faults.bytesPerSecond > 0) {
      // Pieces of about 1/20 s each, so a large chunk trickles out instead of arriving in one burst.
      const piece = Math.max(1, Math.floor(faults.bytesPerSecond / 20));
      for (let offset = 0; offset < data.length; offset += piece) {
        const part = data.subarray(offset, Math.min(data.length, offset + piece));
        const start = Math.max(now, this.#bandwidthFreeAt);
        this.#bandwidthFreeAt = start + (part.length * 1000) / faults.bytesPerSecond;
        this.#push({ kind: 'data', data: part, dueAt: this.#bandwidthFreeAt + delay });
      }
    } else {
      this.#push({ kind: 'data', data, dueAt: now + delay });
    }
  }

  enqueueClose(kind: 'end' | 'reset'): void {
    if (this.#dead || this.#finished) return;
    const faults = this.#proxy.faults(this.#direction);
    this.#push({ kind, dueAt: Math.max(Date.now(), this.#bandwidthFreeAt) + faults.latencyMs });
  }

  refresh(): void {
    const faults = this.#proxy.faults(this.#direction);
    if (faults.blackholed && this.#queue.length > 0) {
      // What was still on its way is lost too.
      let lost = 0;
      for (const item of this.#queue) if (item.kind === 'data') lost += item.data.length;
      this.#queue = [];
      this.#queuedBytes = 0;
      this.#drop(lost);
    }
    this.#updateFlow();
    this.#pump();
  }

  #drop(bytes: number): void {
    this.#dead = true;
    this.#proxy.stats[this.#direction].bytesDropped += bytes;
  }

  #push(item: Item): void {
    // Jitter never reorders: nothing is due before what was queued ahead of it.
    const dueAt = Math.max(item.dueAt, this.#lastDueAt);
    this.#lastDueAt = dueAt;
    this.#queue.push(dueAt === item.dueAt ? item : { ...item, dueAt });
    if (item.kind === 'data') this.#queuedBytes += item.data.length;
    this.#updateFlow();
    this.#pump();
  }

  /** Reads the sender only while this direction flows and its queue is short. */
  #updateFlow(): void {
    const source = this.#source;
    if (!source || source.destroyed) return;
    const faults = this.#proxy.faults(this.#direction);
    const hold = !faults.blackholed && !this.#dead && (faults.paused || this.#queuedBytes > HIGH_WATER_BYTES);
    if (hold) source.pause();
    else source.resume();
  }

  #pump(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    while (!this.#busy && !this.#dead) {
      const faults = this.#proxy.faults(this.#direction);
      const sink = this.#sink();
      const head = this.#queue[0];
      if (!head || faults.paused || !sink) return;
      const wait = head.dueAt - Date.now();
      if (wait > 0) {
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#pump();
        }, wait);
        return;
      }
      this.#queue.shift();
      if (head.kind === 'data') {
        this.#queuedBytes -= head.data.length;
        this.#updateFlow();
        this.#write(sink, head.data, faults.sliceBytes);
      } else {
        this.#finished = true;
        this.#queue = [];
        if (head.kind === 'end') sink.end();
        else sink.resetAndDestroy();
        return;
      }
    }
  }

  #write(sink: Socket, data: Buffer, sliceBytes: number): void {
    const stats = this.#proxy.stats[this.#direction];
    if (sliceBytes === 0 || data.length <= sliceBytes) {
      stats.writes++;
      stats.bytesForwarded += data.length;
      if (!sink.write(data)) this.#awaitDrain(sink);
      return;
    }
    this.#busy = true;
    let offset = 0;
    const next = () => {
      if (this.#dead || sink.destroyed) {
        this.#busy = false;
        return;
      }
      const end = Math.min(data.length, offset + sliceBytes);
      stats.writes++;
      stats.bytesForwarded += end - offset;
      sink.write(data.subarray(offset, end));
      offset = end;
      if (offset < data.length) {
        // One slice per event-loop turn: the receiver gets to read each one on its own.
        setImmediate(next);
      } else {
        this.#busy = false;
        if (sink.writableNeedDrain) this.#awaitDrain(sink);
        else this.#pump();
      }
    };
    next();
  }

  #awaitDrain(sink: Socket): void {
    this.#busy = true;
    const done = () => {
      sink.off('drain', done);
      sink.off('close', done);
      this.#busy = false;
      this.#pump();
    };
    sink.on('drain', done);
    sink.on('close', done);
  }
}
