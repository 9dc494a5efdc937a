// Writes the embedded sample as files for the command line's examples:
// examples/sample-config.json and examples/sample-sessions.ndjson.
// Run after changing src/sample: npx tsx scripts/write-examples.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleFiles } from './sample-files';

for (const [name, text] of Object.entries(sampleFiles())) writeFileSync(join(import.meta.dirname, '..', 'examples', name), text);
