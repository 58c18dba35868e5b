export * from './hazelcast-error';
