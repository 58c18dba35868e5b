// @hz/cp: CP Subsystem primitives (AtomicLong, AtomicReference, FencedLock, Semaphore, CountDownLatch)
// plugged into @hz/core-client. Empty skeleton until the CP issue is worked on.
export {};
