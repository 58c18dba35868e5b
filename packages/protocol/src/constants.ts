// Sizes and offsets of the Open Binary Client Protocol 2.x wire format.

export const BYTE_SIZE = 1;
export const BOOLEAN_SIZE = 1;
export const SHORT_SIZE = 2;
export const INT_SIZE = 4;
export const LONG_SIZE = 8;
export const FLOAT_SIZE = 4;
export const DOUBLE_SIZE = 8;
export const UUID_SIZE = 17;

/** int32 frame length (including itself) + uint16 flags. */
export const FRAME_HEADER_SIZE = 6;

export const MESSAGE_TYPE_OFFSET = 0;
export const CORRELATION_ID_OFFSET = MESSAGE_TYPE_OFFSET + INT_SIZE;
export const PARTITION_ID_OFFSET = CORRELATION_ID_OFFSET + LONG_SIZE;
/** Responses reuse the partition id position for the one-byte backup-ack count. */
export const BACKUP_ACKS_OFFSET = CORRELATION_ID_OFFSET + LONG_SIZE;
export const REQUEST_HEADER_SIZE = PARTITION_ID_OFFSET + INT_SIZE;
export const EVENT_HEADER_SIZE = PARTITION_ID_OFFSET + INT_SIZE;
export const RESPONSE_HEADER_SIZE = BACKUP_ACKS_OFFSET + BYTE_SIZE;

/** Fragment frames carry only the int64 fragmentation id. */
export const FRAGMENTATION_ID_OFFSET = 0;

/** Message type of an error response. */
export const ERROR_MESSAGE_TYPE = 0;
