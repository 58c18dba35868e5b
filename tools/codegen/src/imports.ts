/** Collects what one generated file uses, to emit its import lines. */
export class Imports {
  readonly runtime = new Set<string>();
  readonly runtimeTypes = new Set<string>();
  readonly custom = new Set<string>();
  readonly customTypes = new Set<string>();
  usesLong = false;
  usesLongValue = false;

  render(paths: { runtime: string; root: string; custom: string }, self?: string): string {
    const lines: string[] = [];
    if (this.usesLongValue) lines.push(`import Long from 'long';`);
    else if (this.usesLong) lines.push(`import type Long from 'long';`);
    const rootTypes = [...this.runtimeTypes].filter((name) => ROOT_TYPES.has(name)).sort();
    const codecTypes = [...this.runtimeTypes].filter((name) => !ROOT_TYPES.has(name)).sort();
    for (const name of rootTypes)
      lines.push(`import type { ${name} } from '${paths.root}/${ROOT_TYPE_FILES[name]}';`);
    const runtime = [...this.runtime].sort();
    const runtimeNames = [...runtime, ...codecTypes.map((name) => `type ${name}`)];
    if (runtimeNames.length > 0) lines.push(`import { ${runtimeNames.join(', ')} } from '${paths.runtime}';`);
    const customs = new Set([...this.custom, ...this.customTypes]);
    for (const type of [...customs].sort()) {
      if (type === self) continue;
      const names: string[] = [];
      if (this.customTypes.has(type)) names.push(`type ${type}`);
      if (this.custom.has(type)) names.push(`decode${type}`, `encode${type}`);
      lines.push(`import { ${names.join(', ')} } from '${paths.custom}/${type}Codec';`);
    }
    return lines.join('\n');
  }
}

const ROOT_TYPE_FILES: Record<string, string> = {
  ClientMessage: 'client-message',
  FrameCursor: 'frame-cursor',
  LongLike: 'long',
  Uuid: 'uuid',
};

const ROOT_TYPES = new Set(Object.keys(ROOT_TYPE_FILES));
