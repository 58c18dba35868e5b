// Allocation of initial frames for generated codecs: header fields at fixed offsets, then the
// message's fixed-size parameters.
import { ClientMessage } from '../client-message';
import { MESSAGE_TYPE_OFFSET, PARTITION_ID_OFFSET } from '../constants';
import { HazelcastProtocolError } from '../errors/protocol-error';
import { FrameFlags } from '../flags';
import { createFrame } from '../frame';

/** A request with partition id -1 ("any") and correlation id 0 until the invocation assigns them. */
export function createRequestMessage(messageType: number, initialFrameSize: number): ClientMessage {
  // allocUnsafe takes small buffers from Node's pool, much cheaper than alloc; zero it for the header.
  const content = Buffer.allocUnsafe(initialFrameSize).fill(0);
  content.writeInt32LE(messageType, MESSAGE_TYPE_OFFSET);
  content.writeInt32LE(-1, PARTITION_ID_OFFSET);
  return new ClientMessage([createFrame(content, FrameFlags.UNFRAGMENTED)]);
}

export function createResponseMessage(messageType: number, initialFrameSize: number): ClientMessage {
  const content = Buffer.allocUnsafe(initialFrameSize).fill(0);
  content.writeInt32LE(messageType, MESSAGE_TYPE_OFFSET);
  return new ClientMessage([createFrame(content, FrameFlags.UNFRAGMENTED)]);
}

export function createEventMessage(messageType: number, initialFrameSize: number): ClientMessage {
  const message = createRequestMessage(messageType, initialFrameSize);
  message.initialFrame.flags |= FrameFlags.IS_EVENT;
  return message;
}

/** The initial frame's content, checked to hold at least the required fixed-size fields. */
export function initialContent(message: ClientMessage, requiredSize: number, what: string): Buffer {
  const content = message.initialFrame.content;
  if (content.length < requiredSize) {
    throw new HazelcastProtocolError(
      `${what}: initial frame has ${content.length} bytes, needs ${requiredSize}`,
    );
  }
  return content;
}

export function expectMessageType(message: ClientMessage, expected: number, what: string): void {
  const actual = message.messageType;
  if (actual !== expected) {
    throw new HazelcastProtocolError(
      `${what}: expected message type 0x${expected.toString(16)}, got 0x${(actual >>> 0).toString(16)}`,
    );
  }
}

/** Encoders of structures whose newer fields decode as null for old members still need a value to send. */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value == null) throw new TypeError(`${what} is required`);
  return value;
}
