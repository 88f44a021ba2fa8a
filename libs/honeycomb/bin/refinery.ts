#!/usr/bin/env node
import { processIo } from '../src/cli/io.js';
import { main } from '../src/cli/refinery.js';

process.exitCode = await main(process.argv.slice(2), process.env, processIo);
