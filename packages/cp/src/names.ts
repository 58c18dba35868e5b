import { IllegalArgumentError } from '@hz/core-client';

/** The CP group objects live in unless their name says otherwise. */
export const DEFAULT_GROUP_NAME = 'default';
/** The CP Subsystem's internal group: no data structure may live there. */
const METADATA_GROUP_NAME = 'METADATA';

/** A CP object's name, split: `"counter@orders"` is object `counter` in CP group `orders`. */
export interface CpName {
  /** What the proxy is called (and `getName()` returns): the name without an explicit `@default`. */
  readonly proxyName: string;
  /** The object's name inside its group, as requests carry it. */
  readonly objectName: string;
  /** The CP group's name (`default` when the name carries none). */
  readonly groupName: string;
}

/**
 * Splits `name` into object and CP group the way the members do; `kind` ("AtomicLong") names the structure
 * in errors. Bad names are refused before anything is sent.
 */
export function parseCpName(kind: string, name: string): CpName {
  if (typeof name !== 'string') {
    throw new IllegalArgumentError(
      `The ${kind} name must be a string, got ${name === null ? 'null' : typeof name}`,
    );
  }
  const trimmed = name.trim();
  const at = trimmed.indexOf('@');
  if (at === -1) {
    if (trimmed.length === 0) throw new IllegalArgumentError(`The ${kind} name must not be empty`);
    return { proxyName: trimmed, objectName: trimmed, groupName: DEFAULT_GROUP_NAME };
  }
  if (trimmed.indexOf('@', at + 1) !== -1) {
    throw new IllegalArgumentError(
      `${kind} "${name}": a name carries its CP group at most once ("object@group")`,
    );
  }
  const objectName = trimmed.slice(0, at).trim();
  const groupName = trimmed.slice(at + 1).trim();
  if (objectName.length === 0) {
    throw new IllegalArgumentError(`${kind} "${name}": the object name before "@" must not be empty`);
  }
  if (groupName.length === 0) {
    throw new IllegalArgumentError(`${kind} "${name}": the CP group name after "@" must not be empty`);
  }
  if (groupName.toUpperCase() === METADATA_GROUP_NAME) {
    throw new IllegalArgumentError(
      `${kind} "${name}": the ${METADATA_GROUP_NAME} CP group is internal to the CP Subsystem; no object can live there`,
    );
  }
  if (groupName.toLowerCase() === DEFAULT_GROUP_NAME) {
    return { proxyName: objectName, objectName, groupName: DEFAULT_GROUP_NAME };
  }
  return { proxyName: `${objectName}@${groupName}`, objectName, groupName };
}
