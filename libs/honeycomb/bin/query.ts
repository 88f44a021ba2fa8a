#!/usr/bin/env node
import { main } from '../src/cli/query.js';
import { processIo } from '../src/cli/io.js';

process.exitCode = await main(process.argv.slice(2), processIo);
