export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** camelCase → UPPER_SNAKE_CASE, as the protocol's own generators name offset constants. */
export function upperSnake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}

/** MapPut → map; TransactionalMap → transactional-map. */
export function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

const RESERVED = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'let',
  'static',
  'yield',
  'await',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'arguments',
  'eval',
  'message',
  'cursor',
  'content',
  'params',
]);

/** A local variable name for a protocol parameter that cannot clash with keywords or generated locals. */
export function localName(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}

export function codecName(service: string, method: string): string {
  return `${service}${capital(method)}Codec`;
}
