// Client-side halves of the executor tasks in tools/cluster/java/dev/hz/testing/txexec (factory 75): same
// class ids and field order, so the members can read what these write. For tests only.
import type { IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput } from '@hz/serialization';

export const TXEXEC_FACTORY_ID = 75;

/** Member XML that registers the tasks' factory. */
export const TXEXEC_FACTORY_XML = `<serialization><data-serializable-factories><data-serializable-factory factory-id="${TXEXEC_FACTORY_ID}">dev.hz.testing.txexec.TxExecFactory</data-serializable-factory></data-serializable-factories></serialization>`;

/** An IDS task whose fields are Strings, written in order. */
class StringFieldsTask implements IdentifiedDataSerializable {
  readonly factoryId = TXEXEC_FACTORY_ID;
  constructor(
    readonly classId: number,
    readonly fields: string[],
  ) {}
  writeData(output: ObjectDataOutput): void {
    for (const field of this.fields) output.writeString(field);
  }
  readData(_input: ObjectDataInput): void {}
}

/** Callable: [member uuid, whether `key` is in the member's IMap.localKeySet() of `mapName`, owned entries]. */
export const localKeyTask = (mapName: string, key: string) => new StringFieldsTask(1, [mapName, key]);

/** Callable: the uuid of the member it runs on. */
export const memberUuidTask = () => new StringFieldsTask(2, []);

/** Callable: throws dev.hz.testing.txexec.TaskFailedException(message). */
export const failingTask = (message: string) => new StringFieldsTask(3, [message]);

/**
 * Callable: puts `${gate}-started` → member uuid into `mapName`, waits until `${gate}-open` exists there and
 * returns `done ${gate}`; interrupted (cancelled), puts `${gate}-interrupted` → member uuid.
 */
export const gatedTask = (mapName: string, gate: string) => new StringFieldsTask(4, [mapName, gate]);

/** Runnable: puts member uuid → "ran" into `mapName`. */
export const markingRunnable = (mapName: string) => new StringFieldsTask(5, [mapName]);
