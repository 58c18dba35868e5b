import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ParamDef {
  name: string;
  type: string;
  nullable: boolean;
  since: string;
  doc?: string;
}

export interface MessagePartDef {
  params?: ParamDef[] | null;
  retryable?: boolean;
}

export interface EventDef {
  name: string;
  since: string;
  params?: ParamDef[] | null;
}

export interface MethodDef {
  id: number;
  name: string;
  since: string;
  doc?: string;
  request: MessagePartDef;
  response: MessagePartDef;
  events?: EventDef[] | null;
}

export interface ServiceDef {
  id: number;
  name: string;
  methods: MethodDef[];
  /** The YAML file name without extension, for the generated header. */
  file: string;
}

export interface CustomTypeDef {
  name: string;
  since: string;
  params: ParamDef[];
}

/** Services the generator never emits: Management Center messages are not for clients. */
const SKIPPED_SERVICES = new Set(['MC']);

/**
 * Some definitions continue a single-quoted scalar on a line indented no deeper than its key, which PyYAML
 * accepts and the YAML 1.2 parser rejects; indent such continuation lines by two spaces.
 */
function indentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (open) {
      lines[i] = `  ${line}`;
      if ((line.match(/'/g) ?? []).length % 2 === 1) open = false;
    } else if (/^\s*[A-Za-z]+: '/.test(line) && (line.match(/'/g) ?? []).length % 2 === 1) {
      open = true;
    }
  }
  return lines.join('\n');
}

export function loadServices(definitionsDir: string): ServiceDef[] {
  return readdirSync(definitionsDir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => {
      const service = parse(
        indentQuotedContinuations(readFileSync(join(definitionsDir, file), 'utf8')),
      ) as ServiceDef;
      service.file = file.replace(/\.yaml$/, '');
      service.methods ??= [];
      return service;
    })
    .filter((service) => !SKIPPED_SERVICES.has(service.name))
    .sort((a, b) => a.id - b.id);
}

export function loadCustomTypes(definitionsDir: string): CustomTypeDef[] {
  const doc = parse(readFileSync(join(definitionsDir, 'custom', 'Custom.yaml'), 'utf8')) as {
    customTypes: CustomTypeDef[];
  };
  return doc.customTypes.map((type) => ({ ...type, params: type.params ?? [] }));
}

export function paramsOf(part: { params?: ParamDef[] | null } | undefined): ParamDef[] {
  return part?.params ?? [];
}
