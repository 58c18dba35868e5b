// @hz/protocol: the Hazelcast Open Binary Client Protocol 2.x wire layer.
// Frames, the message reader and writer, built-in and custom codecs and the generated message codecs
// arrive with the protocol issue; until then this package is an empty skeleton.
export {};
