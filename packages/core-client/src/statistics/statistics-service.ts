import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { ClientStatisticsCodec } from '@hz/protocol';
import type { Logger } from '../logging/logger';
import type { Connection } from '../network/connection';
import { type MetricDescriptor, type MetricsSink, MetricUnit } from './metrics';
import { MetricsCompressor } from './metrics-compressor';

/** What the statistics service needs of the client. */
export interface StatisticsHost {
  readonly clientName: string;
  readonly clientType: string;
  readonly clientVersion: string;
  readonly periodSeconds: number;
  readonly logger: Logger;
  /** A connection to send on (any member: each keeps the latest statistics of each client). */
  connection(): Connection | undefined;
  bytesTransferred(): { read: number; written: number };
  /** Lets plug-ins (the near cache) add their metrics. */
  collectPlugins(sink: MetricsSink): void;
  send(
    connection: Connection,
    request: ReturnType<typeof ClientStatisticsCodec.encodeRequest>,
  ): Promise<unknown>;
}

type Gauge = readonly [name: string, unit: MetricUnit | undefined, read: () => number, double?: boolean];

/**
 * Sends Client.Statistics every `periodSeconds`: the attribute string (key=value pairs, as Management
 * Center 4 read them) and the compressed metrics blob (what members and Management Center 5 read), with
 * runtime, OS and TCP gauges plus whatever plug-ins add (near-cache statistics).
 */
export class StatisticsService {
  readonly #host: StatisticsHost;
  #timer: NodeJS.Timeout | undefined;
  #sending = false;

  constructor(host: StatisticsHost) {
    this.#host = host;
  }

  start(): void {
    if (this.#timer) return;
    this.#host.logger.info(
      'Statistics',
      `client statistics are enabled with a period of ${this.#host.periodSeconds} seconds`,
    );
    this.#timer = setInterval(() => void this.sendNow(), this.#host.periodSeconds * 1_000);
    this.#timer.unref();
    void this.sendNow();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One collection and send; failures are logged (statistics never break the client). */
  async sendNow(): Promise<void> {
    if (this.#sending) return;
    const connection = this.#host.connection();
    if (!connection) return;
    this.#sending = true;
    try {
      const now = Date.now();
      // node:zlib is loaded only by clients that send statistics.
      const { deflateSync } = await import('node:zlib');
      const { attributes, blob } = this.collect(connection, now, deflateSync);
      await this.#host.send(connection, ClientStatisticsCodec.encodeRequest(BigInt(now), attributes, blob));
    } catch (error) {
      this.#host.logger.debug('Statistics', `could not send client statistics: ${(error as Error).message}`);
    } finally {
      this.#sending = false;
    }
  }

  /** The attribute string and the metrics blob of one round. */
  collect(
    connection: Connection,
    now: number,
    deflate: (bytes: Buffer) => Buffer,
  ): { attributes: string; blob: Buffer } {
    const host = this.#host;
    const attributes: string[] = [
      `lastStatisticsCollectionTime=${now}`,
      'enterprise=false',
      `clientType=${host.clientType}`,
      `clientVersion=${host.clientVersion}`,
      `clusterConnectionTimestamp=${connection.openedAt}`,
      `clientAddress=${connection.localAddress}`,
      `clientName=${host.clientName}`,
    ];
    const compressor = new MetricsCompressor();
    for (const [name, unit, read, double] of this.#gauges()) {
      let value: number;
      try {
        value = read();
      } catch {
        continue;
      }
      const dot = name.lastIndexOf('.');
      const descriptor: MetricDescriptor = {
        prefix: name.slice(0, dot),
        metric: name.slice(dot + 1),
        ...(unit ? { unit } : {}),
      };
      if (double) compressor.addDouble(descriptor, value);
      else compressor.addLong(descriptor, value);
      attributes.push(`${name}=${double ? value : Math.trunc(value)}`);
    }
    const sink: MetricsSink = {
      addLong: (descriptor, value) => {
        compressor.addLong(descriptor, value);
        legacyAttribute(attributes, descriptor, value);
      },
      addDouble: (descriptor, value) => {
        compressor.addDouble(descriptor, value);
        legacyAttribute(attributes, descriptor, value);
      },
    };
    host.collectPlugins(sink);
    return { attributes: attributes.join(','), blob: compressor.toBlob(deflate) };
  }

  #gauges(): Gauge[] {
    const bytes = this.#host.bytesTransferred();
    const memory = process.memoryUsage();
    return [
      ['os.freePhysicalMemorySize', MetricUnit.BYTES, freemem],
      [
        'os.processCpuTime',
        MetricUnit.NS,
        () => (process.cpuUsage().user + process.cpuUsage().system) * 1_000,
      ],
      ['os.systemLoadAverage', undefined, () => loadavg()[0] ?? 0, true],
      ['os.totalPhysicalMemorySize', MetricUnit.BYTES, totalmem],
      ['runtime.availableProcessors', MetricUnit.COUNT, () => cpus().length],
      ['runtime.totalMemory', MetricUnit.BYTES, () => memory.heapTotal],
      ['runtime.uptime', MetricUnit.MS, () => process.uptime() * 1_000],
      ['runtime.usedMemory', MetricUnit.BYTES, () => memory.heapUsed],
      ['tcp.bytesReceived', MetricUnit.BYTES, () => bytes.read],
      ['tcp.bytesSend', MetricUnit.BYTES, () => bytes.written],
    ];
  }
}

/**
 * Management Center 4 read near-cache statistics from attributes named `nc.<map name>.<metric>`; members
 * still keep them, so near-cache metrics go there too.
 */
function legacyAttribute(attributes: string[], descriptor: MetricDescriptor, value: number | bigint): void {
  if (descriptor.prefix !== 'nearcache' || descriptor.discriminator !== 'name') return;
  const name = (descriptor.discriminatorValue ?? '').replace(/^\//, '');
  attributes.push(`nc.${escapeAttribute(name)}.${descriptor.metric}=${value}`);
}

/** Attribute keys and values escape `=`, `.`, `,` and `\` with a backslash. */
function escapeAttribute(text: string): string {
  return text.replace(/[=.,\\]/g, (c) => `\\${c}`);
}
