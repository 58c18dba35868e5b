// @hz/sql: the SQL service plugged into @hz/core-client. Empty skeleton until the SQL issue is worked on.
export {};
