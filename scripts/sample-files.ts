import { sampleConfig, sampleSessions } from '../src/sample/index';

/** The embedded sample as the command line reads it: the configuration as JSON, the sessions as NDJSON. */
export function sampleFiles(): Record<'sample-config.json' | 'sample-sessions.ndjson', string> {
  return {
    'sample-config.json': `${JSON.stringify(sampleConfig, null, 2)}\n`,
    'sample-sessions.ndjson': sampleSessions.map((session) => `${JSON.stringify(session)}\n`).join(''),
  };
}
