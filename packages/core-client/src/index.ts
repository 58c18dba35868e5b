// @hz/core-client: connections, cluster view, partitions, invocations, listeners, lifecycle and the AP
// data structures. The client arrives with the core-client issue; until then this is an empty skeleton.
export {};
