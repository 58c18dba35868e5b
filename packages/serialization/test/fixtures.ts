import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The Java-written golden file, committed beside this module (origin and layout: fixtures/README.md). */
const FIXTURE = fileURLToPath(new URL('./fixtures/1.serialization.compatibility.binary', import.meta.url));

/** Every record of the Java-written golden file: key (`1-<Type>-<ORDER>`) → Data bytes (null for NULL). */
export function loadGoldenVectors(): Map<string, Buffer | null> {
  const file = readFileSync(FIXTURE);
  const entries = new Map<string, Buffer | null>();
  let at = 0;
  while (at < file.length) {
    const keyLength = file.readUInt16BE(at);
    const key = file.toString('utf8', at + 2, at + 2 + keyLength);
    at += 2 + keyLength;
    const length = file.readInt32BE(at);
    at += 4;
    if (length < 0) {
      entries.set(key, null);
    } else {
      entries.set(key, file.subarray(at, at + length));
      at += length;
    }
  }
  return entries;
}
