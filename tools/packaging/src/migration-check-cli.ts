// `pnpm --filter @hz-tools/packaging exec tsx src/migration-check-cli.ts`: the names in docs/migration.md that
// do not exist (what test/migration-guide.test.ts checks), for editing the guide.
import { hzApi, officialNodeApi } from './api-names';
import { guideRows, readGuide, unresolvedNames } from './migration-guide';

const problems = unresolvedNames(guideRows(readGuide()), [
  { match: /@hz/, api: hzApi() },
  { match: /hazelcast-client/, api: officialNodeApi() },
]);
console.log(problems.length === 0 ? 'every name resolves' : problems.join('\n'));
process.exitCode = problems.length === 0 ? 0 : 1;
