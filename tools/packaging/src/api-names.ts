import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { publicPackages, repoRoot } from './workspace';

// Resolves dotted API references (`getMap`, `IMap.put`, `ClientConfig.network.clusterMembers`,
// `HazelcastClient.newHazelcastClient`) against the exported declarations of a set of entry points, with the
// TypeScript compiler: what the migration guide names must exist.

/** The exported declarations of some entry points, for looking names up. */
export class ApiIndex {
  readonly #checker: ts.TypeChecker;
  readonly #exports = new Map<string, ts.Symbol>();

  constructor(entryFiles: readonly string[], options: ts.CompilerOptions) {
    const program = ts.createProgram({ rootNames: [...entryFiles], options });
    this.#checker = program.getTypeChecker();
    for (const file of entryFiles) {
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`api-names: cannot read ${file}`);
      const moduleSymbol = this.#checker.getSymbolAtLocation(source);
      if (!moduleSymbol) continue;
      for (const symbol of this.#checker.getExportsOfModule(moduleSymbol)) {
        if (!this.#exports.has(symbol.name)) this.#exports.set(symbol.name, symbol);
      }
    }
  }

  /** Every exported name. */
  get names(): string[] {
    return [...this.#exports.keys()].sort();
  }

  /** Whether `reference` (a dotted path, optionally with a call's argument list) names something that exists. */
  resolves(reference: string): boolean {
    const path = referencePath(reference);
    if (!path) return false;
    const [head, ...members] = path;
    let symbol = this.#exports.get(head!);
    if (!symbol) return false;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = this.#checker.getAliasedSymbol(symbol);
    if (members.length === 0) return true;
    // Instance side (interfaces, classes, type aliases) and value side (statics, as-const objects, namespaces).
    let candidates = this.#typesOf(symbol);
    for (const member of members) {
      const next: ts.Type[] = [];
      for (const type of candidates) {
        const property = this.#checker.getPropertyOfType(this.#checker.getApparentType(type), member);
        if (property) next.push(this.#checker.getNonNullableType(this.#checker.getTypeOfSymbol(property)));
        // A union (config fields like `string | { … }`): any member that has the property.
        if (!property && type.isUnion()) {
          for (const part of type.types) {
            const p = this.#checker.getPropertyOfType(this.#checker.getApparentType(part), member);
            if (p) next.push(this.#checker.getNonNullableType(this.#checker.getTypeOfSymbol(p)));
          }
        }
      }
      if (next.length === 0) return false;
      candidates = next;
    }
    return true;
  }

  #typesOf(symbol: ts.Symbol): ts.Type[] {
    const types: ts.Type[] = [];
    if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class | ts.SymbolFlags.TypeAlias)) {
      types.push(this.#checker.getDeclaredTypeOfSymbol(symbol));
    }
    if (symbol.flags & (ts.SymbolFlags.Value | ts.SymbolFlags.Module)) {
      types.push(this.#checker.getTypeOfSymbol(symbol));
    }
    return types.map((t) => this.#checker.getNonNullableType(t));
  }
}

/** `IMap.put(key, value)` → ['IMap', 'put']; null when it is not a reference. */
export function referencePath(reference: string): string[] | null {
  const match = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?:\(.*\))?$/.exec(reference.trim());
  return match ? match[1]!.split('.') : null;
}

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ['@hz/source'],
  lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  typeRoots: [join(repoRoot, 'node_modules', '@types')],
};

/** The @hz API: every public package's entry points (sources), plus `@hz/core-client/plugin`. */
export function hzApi(): ApiIndex {
  const entries = publicPackages().flatMap((pkg) => {
    const files = [join(pkg.dir, 'src', 'index.ts')];
    if (pkg.name === '@hz/core-client') files.push(join(pkg.dir, 'src', 'plugin.ts'));
    return files;
  });
  return new ApiIndex(entries, compilerOptions);
}

/** The official Node.js client's API (`hazelcast-client`'s declarations). */
export function officialNodeApi(): ApiIndex {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('hazelcast-client/package.json');
  const types = join(
    dirname(manifest),
    (require(manifest) as { typings?: string; types?: string }).typings ?? 'lib/index.d.ts',
  );
  return new ApiIndex([types], { ...compilerOptions, customConditions: [] });
}
