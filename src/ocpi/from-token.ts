import { describe } from '../model/messages.js';
import { tokenSchema, type Token } from '../model/token.js';
import { checkReadOptions } from './options.js';
import { compact, listed, notAnObject, OcpiReader } from './reader.js';
import { isRecord, type OcpiVersion } from './version.js';
import type { OcpiReadResult } from './warnings.js';

/** Options of {@link fromOcpiToken}. */
export interface OcpiTokenOptions {
  /** The OCPI version the Token is written in; without it, the version its shape shows. */
  readonly version?: OcpiVersion;
}

/** A Token's mandatory fields besides `uid` and `valid` (whose absence is an issue), per version. */
const MANDATORY = {
  '2.1.1': ['type', 'auth_id', 'issuer', 'whitelist', 'last_updated'],
  '2.2.1': ['country_code', 'party_id', 'type', 'contract_id', 'issuer', 'whitelist', 'last_updated'],
} as const;

/**
 * Reads an OCPI Token (2.1.1, 2.2.1 or 2.3.0) into a `Token` for building
 * whitelist entries and licences' token lists: `uid`, the contract id
 * (`contract_id`; 2.1.1 `auth_id`), the group (`group_id`) and the type. A
 * Token whose `valid` is false gets the authorisation `Invalid`.
 *
 * OCPI's `whitelist` field (ALWAYS, ALLOWED, ALLOWED_OFFLINE, NEVER) says how
 * a CPO may authorise the token without asking the eMSP; it does not make
 * charging free and is not read.
 *
 * @example
 * const read = fromOcpiToken({ country_code: 'NL', party_id: 'TST', uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S',
 *   group_id: 'acme', issuer: 'Acme', valid: true, whitelist: 'ALLOWED', last_updated: '2022-11-01T00:00:00Z' });
 * read.data; // => { uid: '04A23B5C', contractId: 'NL-TST-C12345678-S', groupId: 'acme', type: 'RFID', authorization: 'Accepted' }
 * @throws {ConfigError} only for bad options.
 */
export function fromOcpiToken(token: unknown, options: OcpiTokenOptions = {}): OcpiReadResult<Token> {
  checkReadOptions(options);
  if (!isRecord(token)) return notAnObject(token, 'token');
  const r = new OcpiReader(token, 'token');
  const version = r.version(options.version);
  const old = version === '2.1.1';
  const missing = MANDATORY[old ? '2.1.1' : '2.2.1'].filter((field) => r.at([field]) === undefined);
  if (missing.length > 0) r.warn('token-incomplete', `the Token lacks ${listed(missing)}, mandatory in OCPI ${version}`);
  const valid = r.at(['valid']);
  if (valid !== true && valid !== false) {
    r.issue(['valid'], valid === undefined ? 'the Token has no valid flag: whether it may charge is unknown' : `expected valid as true or false, received ${describe(valid)}`, valid);
  }
  const parsed = tokenSchema.safeParse(
    compact({
      uid: r.take('uid', ['uid']),
      contractId: r.take('contractId', [old ? 'auth_id' : 'contract_id']),
      groupId: old ? undefined : r.take('groupId', ['group_id']),
      type: r.take('type', ['type']),
      authorization: valid === false ? 'Invalid' : 'Accepted',
    }),
  );
  return r.result(parsed);
}
