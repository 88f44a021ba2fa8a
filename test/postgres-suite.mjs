// Runs the app's test suite a second time against a PostgreSQL server, as CI does (.ci/run sets
// TEST_DATABASE_URL). Without it the pass is skipped with a note; the PGlite pass always runs.
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.log(
    'PostgreSQL pass skipped: set TEST_DATABASE_URL (e.g. postgres://postgres:postgres@127.0.0.1:5432/liftsys_test) to run it',
  );
  process.exit(0);
}
const jest = ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', 'apps'];
const result = spawnSync(process.execPath, jest, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } });
process.exit(result.status ?? 1);
