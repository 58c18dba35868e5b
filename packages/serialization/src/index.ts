// @hz/serialization: the Hazelcast Data format and every serializer, byte-compatible with Java.
// The serializers arrive with the serialization issue; until then this package is an empty skeleton.
export {};
