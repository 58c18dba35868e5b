/** Bits of the uint16 flags field of every frame. */
export const FrameFlags = {
  BEGIN_FRAGMENT: 1 << 15,
  END_FRAGMENT: 1 << 14,
  IS_FINAL: 1 << 13,
  BEGIN_DATA_STRUCTURE: 1 << 12,
  END_DATA_STRUCTURE: 1 << 11,
  IS_NULL: 1 << 10,
  IS_EVENT: 1 << 9,
  BACKUP_AWARE: 1 << 8,
  BACKUP_EVENT: 1 << 7,
  /** BEGIN_FRAGMENT | END_FRAGMENT: the initial frame of a message that is not split. */
  UNFRAGMENTED: 0xc000,
  DEFAULT: 0,
} as const;

export type FrameFlag = (typeof FrameFlags)[keyof typeof FrameFlags];

export function hasFlag(flags: number, flag: number): boolean {
  return (flags & flag) === flag;
}
