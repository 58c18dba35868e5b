/** Client lifecycle states, in the order a client passes through them. */
export const LifecycleState = {
  STARTING: 'STARTING',
  STARTED: 'STARTED',
  CONNECTED: 'CONNECTED',
  DISCONNECTED: 'DISCONNECTED',
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  SHUTDOWN: 'SHUTDOWN',
} as const;
export type LifecycleState = (typeof LifecycleState)[keyof typeof LifecycleState];
