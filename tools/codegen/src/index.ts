// The codec generator arrives with the protocol issue.
export {};
