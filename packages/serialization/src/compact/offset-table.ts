import type { ObjectDataInput, ObjectDataOutput } from '../io/data-io';

/** Offset of a null variable-size field or array item. */
export const NULL_OFFSET = -1;

/**
 * Offset tables use the narrowest width that can address the data: one byte below 255 bytes of data,
 * two below 65535, else four (Java's BYTE/SHORT/INT offset readers). 0xFF / 0xFFFF mean null.
 */
export function offsetWidthFor(dataLength: number): 1 | 2 | 4 {
  if (dataLength < 255) return 1;
  if (dataLength < 65535) return 2;
  return 4;
}

export function writeOffsets(out: ObjectDataOutput, offsets: ArrayLike<number>, dataLength: number): void {
  const width = offsetWidthFor(dataLength);
  for (let i = 0; i < offsets.length; i++) {
    const offset = offsets[i]!;
    // Streams take Java's signed bytes/shorts; offsets above 127/32767 are stored as their bit pattern.
    if (width === 1) out.writeByte((offset << 24) >> 24);
    else if (width === 2) out.writeShort((offset << 16) >> 16);
    else out.writeInt(offset);
  }
}

/** The offset stored at slot `index` of the table at `tablePosition`, or NULL_OFFSET. */
export function readOffset(
  input: ObjectDataInput,
  tablePosition: number,
  index: number,
  width: 1 | 2 | 4,
): number {
  if (width === 1) {
    const offset = input.readByteAt(tablePosition + index) & 0xff;
    return offset === 0xff ? NULL_OFFSET : offset;
  }
  if (width === 2) {
    const offset = input.readShortAt(tablePosition + index * 2) & 0xffff;
    return offset === 0xffff ? NULL_OFFSET : offset;
  }
  return input.readIntAt(tablePosition + index * 4);
}
