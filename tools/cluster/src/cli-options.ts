import { DEFAULT_HAZELCAST_VERSION } from './cluster';
import { supportsCommunityCp } from './member-config';

/** The Community Edition version `--cp` runs unless `--version` says otherwise: the last with a CP Subsystem. */
export const CP_DEFAULT_VERSION = '5.4.0';

export interface StartOptions {
  readonly members: number;
  readonly version: string;
  readonly jet: boolean;
  /** Every member a CP member (`--cp`), or undefined. */
  readonly cpMemberCount: number | undefined;
}

/** `pnpm cluster start` options from the command line; errors say which option is wrong and why. */
export function startOptions(values: {
  members?: string | undefined;
  version?: string | undefined;
  jet?: boolean | undefined;
  cp?: boolean | undefined;
}): StartOptions {
  const cp = values.cp ?? false;
  const members = parseMemberCount(values.members ?? (cp ? '3' : '1'));
  const version = values.version ?? (cp ? CP_DEFAULT_VERSION : DEFAULT_HAZELCAST_VERSION);
  if (cp && members < 3) {
    throw new Error(
      `--cp needs at least 3 members (the CP Subsystem runs Raft groups of 3 or more), got --members ${members}`,
    );
  }
  if (cp && !supportsCommunityCp(version)) {
    throw new Error(
      `--cp needs Hazelcast Community Edition ${CP_DEFAULT_VERSION} or older (CP is Enterprise-only since 5.5), got --version ${version}`,
    );
  }
  return { members, version, jet: values.jet ?? false, cpMemberCount: cp ? members : undefined };
}

function parseMemberCount(text: string): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 9) {
    throw new Error(`--members must be a whole number from 1 to 9, got "${text}"`);
  }
  return count;
}
