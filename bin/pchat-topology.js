#!/usr/bin/env node
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(`pchat-topology: cannot read '${cli}': no such file or folder (run 'npm run build')\n`);
  process.exit(2);
}
require(cli);
