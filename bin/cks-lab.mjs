#!/usr/bin/env node
// The `cks-lab` command: runs the CLI bundle that `npm ci` builds (the package's `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist-cli/cks-lab.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('cks-lab: error[not-built]: the CLI is not built yet; run `npm install` (or `npm run build:cli`) in the cks-lab folder\n');
  process.exit(2);
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
