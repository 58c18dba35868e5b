// @hz/cp: the CP Subsystem's primitives (AtomicLong, AtomicReference, FencedLock, Semaphore, CountDownLatch)
// for @hz/core-client. Getters are free functions; each structure is its own module, so a program bundles
// only the structures it uses. Nothing runs at import: the CP plug-in attaches to a client on first use.

export {
  ATOMIC_LONG_SERVICE_NAME,
  type CpFunction,
  getAtomicLong,
  type IAtomicLong,
} from './atomic-long/index';
export {
  ATOMIC_REFERENCE_SERVICE_NAME,
  getAtomicReference,
  type IAtomicReference,
} from './atomic-reference/index';
export {
  COUNT_DOWN_LATCH_SERVICE_NAME,
  getCountDownLatch,
  type ICountDownLatch,
  type LatchAwaitOptions,
} from './count-down-latch/index';
export {
  CPGroupDestroyedError,
  CPSubsystemNotAvailableError,
  LockAcquireLimitReachedError,
  LockOwnershipLostError,
  SessionExpiredError,
  WaitKeyCancelledError,
} from './errors';
export {
  FENCED_LOCK_SERVICE_NAME,
  type FencedLock,
  getFencedLock,
  type LockOptions,
  type TryLockOptions,
} from './fenced-lock/index';
export {
  type AcquireOptions,
  getSemaphore,
  type ISemaphore,
  type ReleaseOptions,
  SEMAPHORE_SERVICE_NAME,
  type TryAcquireOptions,
} from './semaphore/index';
