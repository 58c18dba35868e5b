/** Log levels, most severe first; a logger at a level emits that level and every more severe one. */
export const LogLevel = { OFF: 0, ERROR: 1, WARN: 2, INFO: 3, DEBUG: 4, TRACE: 5 } as const;
export type LogLevelName = keyof typeof LogLevel;

/**
 * What the client logs through. `objectName` is the component (e.g. 'ConnectionManager'). Any logger with
 * these methods works; `pinoLogger` adapts pino-style loggers (`logger.info(obj, msg)`).
 */
export interface Logger {
  error(objectName: string, message: string, furtherInfo?: unknown): void;
  warn(objectName: string, message: string, furtherInfo?: unknown): void;
  info(objectName: string, message: string, furtherInfo?: unknown): void;
  debug(objectName: string, message: string, furtherInfo?: unknown): void;
  trace(objectName: string, message: string, furtherInfo?: unknown): void;
}

type Sink = (line: string) => void;

/** The default logger: one line per record on stderr, filtered by level (INFO unless configured). */
export function consoleLogger(
  level: LogLevelName = 'INFO',
  sink: Sink = (line) => console.error(line),
): Logger {
  const threshold = LogLevel[level];
  const emit =
    (at: Exclude<LogLevelName, 'OFF'>) => (objectName: string, message: string, furtherInfo?: unknown) => {
      if (LogLevel[at] > threshold) return;
      const extra = furtherInfo === undefined ? '' : ` ${formatInfo(furtherInfo)}`;
      sink(`${new Date().toISOString()} [${at}] [${objectName}] ${message}${extra}`);
    };
  return {
    error: emit('ERROR'),
    warn: emit('WARN'),
    info: emit('INFO'),
    debug: emit('DEBUG'),
    trace: emit('TRACE'),
  };
}

/** A pino/bunyan-style logger: level methods taking `(mergingObject, message)`. */
export interface PinoLike {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  trace(obj: object, msg?: string): void;
}

/** Sends client logs to a pino-style logger; the component goes in the `component` field. */
export function pinoLogger(target: PinoLike): Logger {
  const forward =
    (method: keyof PinoLike) =>
    (objectName: string, message: string, furtherInfo?: unknown): void => {
      const fields: Record<string, unknown> = { component: objectName };
      if (furtherInfo instanceof Error) fields.err = furtherInfo;
      else if (furtherInfo !== undefined) fields.info = furtherInfo;
      target[method](fields, message);
    };
  return {
    error: forward('error'),
    warn: forward('warn'),
    info: forward('info'),
    debug: forward('debug'),
    trace: forward('trace'),
  };
}

function formatInfo(info: unknown): string {
  if (info instanceof Error) return info.stack ?? `${info.name}: ${info.message}`;
  if (typeof info === 'string') return info;
  try {
    return JSON.stringify(info);
  } catch {
    return String(info);
  }
}
