// @hz/near-cache: client-side Near Cache for @hz/core-client maps. Empty skeleton until its issue is
// worked on.
export {};
