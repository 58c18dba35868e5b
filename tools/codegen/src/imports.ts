/** Collects what one generated file uses, to emit its import lines. */
export class Imports {
  /** Values from codecs/define (type constants and factories). */
  readonly define = new Set<string>();
  /** Type-only names from codecs/define. */
  readonly defineTypes = new Set<string>();
  /** WireType constants from their own runtime modules: name → module under codecs/. */
  readonly wireModules = new Map<string, string>();
  readonly runtimeTypes = new Set<string>();
  /** Custom types whose WireType (`<Name>Type`) the file uses. */
  readonly customWire = new Set<string>();
  /** Custom types whose TypeScript interface the file uses. */
  readonly customTypes = new Set<string>();
  usesLong = false;

  render(paths: { codecs: string; root: string; custom: string }, self?: string): string {
    const lines: string[] = [];
    if (this.usesLong) lines.push(`import type Long from 'long';`);
    for (const name of [...this.runtimeTypes].sort())
      lines.push(`import type { ${name} } from '${paths.root}/${ROOT_TYPE_FILES[name]}';`);
    const define = [...[...this.define].sort(), ...[...this.defineTypes].sort().map((n) => `type ${n}`)];
    if (define.length > 0) lines.push(`import { ${define.join(', ')} } from '${paths.codecs}/define';`);
    for (const [name, module] of [...this.wireModules].sort())
      lines.push(`import { ${name} } from '${paths.codecs}/${module}';`);
    const customs = new Set([...this.customWire, ...this.customTypes]);
    for (const type of [...customs].sort()) {
      if (type === self) continue;
      const names: string[] = [];
      if (this.customTypes.has(type)) names.push(`type ${type}`);
      if (this.customWire.has(type)) names.push(`${type}Type`);
      lines.push(`import { ${names.join(', ')} } from '${paths.custom}/${type}Codec';`);
    }
    return lines.join('\n');
  }

  /**
   * One import of everything from the package root (`root`: the path of src/index). The codecs of a
   * service the root does not hold use this, so that a build puts all they share with the root in the
   * root's chunk.
   */
  renderFromRoot(root: string): string {
    const lines: string[] = [];
    if (this.usesLong) lines.push(`import type Long from 'long';`);
    const types = new Set([...this.runtimeTypes, ...this.defineTypes, ...this.customTypes]);
    const values = new Set([
      ...this.define,
      ...this.wireModules.keys(),
      ...[...this.customWire].map((t) => `${t}Type`),
    ]);
    const names = [...[...values].sort(), ...[...types].sort().map((n) => `type ${n}`)];
    lines.push(`import { ${names.join(', ')} } from '${root}/index';`);
    return lines.join('\n');
  }
}

const ROOT_TYPE_FILES: Record<string, string> = {
  ClientMessage: 'client-message',
  FrameCursor: 'frame-cursor',
  LongLike: 'long',
  Uuid: 'uuid',
  SqlPage: 'codecs/sql-types',
};
