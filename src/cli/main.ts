#!/usr/bin/env node
// The `charging-sessions` command: see `charging-sessions --help` and docs/cli.md.
import process from 'node:process';
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
