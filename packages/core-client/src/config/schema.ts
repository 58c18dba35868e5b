import {
  checkKeys,
  fail,
  isPlainObject,
  optBoolean,
  optChoice,
  optNumber,
  optString,
  optStringArray,
} from './validate';

/**
 * One option of the config: how to read a user's value at `path` (validating it, filling the default) and,
 * as phantom types, what a user may write (`In`) and what the resolved config holds (`Out`). A section is a
 * table of fields; the config's types, defaults, key lists and choices all come from these tables, so no
 * key can be accepted and then ignored.
 */
export interface Field<In, Out> {
  parse(value: unknown, path: string): Out;
  /** Phantom: the input type. */
  readonly _in?: In;
}

export type Fields = Record<string, Field<unknown, unknown>>;
type InputOf<F> = F extends Field<infer In, unknown> ? In : never;
type OutputOf<F> = F extends Field<unknown, infer Out> ? Out : never;
/** What a user may write for a section: every option optional, with the docs of the table's entries. */
export type SectionInput<S extends Fields> = { [K in keyof S]?: InputOf<S[K]> };
/** The resolved section: every option present and read-only. */
export type SectionOutput<S extends Fields> = { readonly [K in keyof S]: OutputOf<S[K]> };

export function string(fallback: string | (() => string), allowEmpty = false): Field<string, string> {
  return {
    parse: (value, path) =>
      optString(value, path, typeof fallback === 'function' ? fallback() : fallback, allowEmpty),
  };
}

export function boolean(fallback: boolean): Field<boolean, boolean> {
  return { parse: (value, path) => optBoolean(value, path, fallback) };
}

export function number(
  fallback: number,
  range: { min?: number; max?: number; integer?: boolean; orMinusOne?: boolean } = {},
): Field<number, number> {
  return { parse: (value, path) => optNumber(value, path, fallback, range) };
}

export function choice<const T extends string>(choices: readonly T[], fallback: T): Field<T, T> {
  return { parse: (value, path) => optChoice(value, path, choices, fallback) };
}

export function stringArray(
  fallback: readonly string[],
  check?: (item: string, path: string) => void,
): Field<string[], readonly string[]> {
  return {
    parse: (value, path) => {
      const items = optStringArray(value, path, fallback);
      if (check) {
        for (const [index, item] of items.entries()) check(item, `${path}[${index}]`);
      }
      return Object.freeze(items);
    },
  };
}

/** Anything a section table cannot say (objects with methods, cross-field rules). */
export function custom<In, Out>(parse: (value: unknown, path: string) => Out): Field<In, Out> {
  return { parse };
}

/** A nested section: unknown keys are refused with the closest known name; the result is frozen. */
export function section<S extends Fields>(
  fields: S,
  refine?: (resolved: SectionOutput<S>, path: string) => void,
): Field<SectionInput<S>, SectionOutput<S>> {
  const keys = Object.keys(fields);
  return {
    parse: (value, path) => {
      if (value !== undefined && !isPlainObject(value)) fail(path || 'config', 'an object', value);
      const given = (value ?? {}) as Record<string, unknown>;
      checkKeys(given, path, keys);
      const resolved: Record<string, unknown> = {};
      for (const key of keys) resolved[key] = fields[key]!.parse(given[key], path ? `${path}.${key}` : key);
      refine?.(resolved as SectionOutput<S>, path);
      return Object.freeze(resolved) as SectionOutput<S>;
    },
  };
}

/**
 * Sections keyed by object name, as `reliableTopics: { 'news-*': { … } }`: every key is a name or a pattern
 * with one `*` wildcard (see `configForName`), every value a section of `fields`. The result is frozen.
 */
export function perName<S extends Fields>(
  fields: S,
): Field<Record<string, SectionInput<S>>, Readonly<Record<string, SectionOutput<S>>>> {
  const parseSection = section(fields);
  return {
    parse: (value, path) => {
      if (value === undefined) return Object.freeze({});
      if (!isPlainObject(value)) fail(path, 'an object of { <name or pattern>: { … } }', value);
      const resolved: Record<string, SectionOutput<S>> = {};
      for (const [name, entry] of Object.entries(value)) {
        const at = `${path}['${name}']`;
        if (name.length === 0) fail(path, 'keyed by non-empty names', name);
        if (name.indexOf('*') !== name.lastIndexOf('*')) {
          fail(at, 'a name or a pattern with at most one * wildcard', name);
        }
        resolved[name] = parseSection.parse(entry, at);
      }
      return Object.freeze(resolved);
    },
  };
}
