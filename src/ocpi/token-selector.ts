import * as z from 'zod';
import type { TokenSelector } from '../matchers/selectors.js';
import { describe } from '../model/messages.js';
import type { Token } from '../model/token.js';
import { fromOcpiToken, type OcpiTokenOptions } from './from-token.js';
import { checkReadOptions } from './options.js';
import type { OcpiReadResult, OcpiWarning } from './warnings.js';

/** The lists of a token selector. */
const SELECTOR_LISTS = ['uids', 'contractIds', 'groupIds'] as const;

/** Options of {@link tokenSelectorFromOcpi}. */
export interface OcpiTokenSelectorOptions extends OcpiTokenOptions {
  /**
   * Which lists to fill from each valid Token: its UID (`uids`), its contract
   * id (`contractIds`), its group (`groupIds`). Default `['uids', 'contractIds']`:
   * a group is left out unless asked for, since it would admit every token
   * of the group, not only the listed ones.
   */
  readonly lists?: readonly (typeof SELECTOR_LISTS)[number][];
}

const TOKEN_FIELD = { uids: 'uid', contractIds: 'contractId', groupIds: 'groupId' } as const satisfies Record<string, keyof Token>;

/**
 * Turns a list of OCPI Tokens (e.g. an eMSP's `GET /tokens` page) into the
 * token selector of a whitelist entry or a licence, in one call. Tokens whose
 * `valid` is false are left out, each with a `token-not-valid` warning. Every
 * Token that cannot be read is an issue at its index; a list with no valid
 * Token is refused, since such a selector would grant nothing.
 *
 * @example
 * const selector = tokenSelectorFromOcpi([
 *   { country_code: 'NL', party_id: 'TST', uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S',
 *     issuer: 'Acme', valid: true, whitelist: 'ALLOWED', last_updated: '2022-11-01T00:00:00Z' },
 * ]);
 * selector.data; // => { uids: ['04A23B5C'], contractIds: ['NL-TST-C12345678-S'] }
 * @throws {ConfigError} only for bad options (an unknown version or list name).
 */
export function tokenSelectorFromOcpi(tokens: readonly unknown[], options: OcpiTokenSelectorOptions = {}): OcpiReadResult<TokenSelector> {
  checkReadOptions(options, ({ lists }) =>
    lists === undefined || (Array.isArray(lists) && lists.every((list) => (SELECTOR_LISTS as readonly unknown[]).includes(list)))
      ? []
      : [{ path: ['lists'], message: `expected lists as a list of ${SELECTOR_LISTS.join(', ')}, received ${describe(lists)}` }],
  );
  if (!Array.isArray(tokens)) {
    const message = `expected a list of OCPI Tokens, received ${describe(tokens)}`;
    return { success: false, error: new z.ZodError([{ code: 'custom', path: [], message, input: tokens }]), warnings: [] };
  }
  const lists = options.lists ?? ['uids', 'contractIds'];
  const readOptions = options.version === undefined ? {} : { version: options.version };
  const issues: z.core.$ZodIssue[] = [];
  const warnings: OcpiWarning[] = [];
  const selected = new Map(lists.map((list) => [list, new Set<string>()]));
  // Array.from, not forEach: holes of a sparse list are read (and refused), never skipped.
  Array.from(tokens, (token: unknown, index) => {
    const read = fromOcpiToken(token, readOptions);
    warnings.push(...read.warnings.map((warning) => ({ ...warning, path: [index, ...(warning.path ?? [])] })));
    if (!read.success) {
      issues.push(...read.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })));
    } else if (read.data.authorization !== 'Accepted') {
      warnings.push({ code: 'token-not-valid', message: `token ${read.data.uid} is not valid, so it was left out`, path: [index, 'valid'] });
    } else {
      for (const [list, values] of selected) {
        const value = read.data[TOKEN_FIELD[list]];
        if (value !== undefined) values.add(value);
      }
    }
  });
  const selector = Object.fromEntries([...selected].filter(([, values]) => values.size > 0).map(([list, values]) => [list, [...values]]));
  if (issues.length === 0 && Object.keys(selector).length === 0) {
    issues.push({ code: 'custom', path: [], message: 'the list holds no valid Token, so the selector would list no token', input: tokens });
  }
  if (issues.length > 0) return { success: false, error: new z.ZodError(issues), warnings };
  return { success: true, data: selector as TokenSelector, warnings };
}
