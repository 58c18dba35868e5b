/** A JSON document stored as Hazelcast JSON (type id -130), queryable on the member. The string is not re-parsed. */
export class HazelcastJsonValue {
  readonly #json: string;

  constructor(json: string) {
    if (typeof json !== 'string') throw new TypeError('HazelcastJsonValue needs a JSON string');
    this.#json = json;
  }

  toString(): string {
    return this.#json;
  }

  toJSON(): unknown {
    return JSON.parse(this.#json);
  }
}
