import type { Licence } from '../matchers/licence.js';
import type { WhitelistEntry } from '../matchers/whitelist.js';
import type { InvalidReasonCode, Reason } from '../rules/reason.js';

/**
 * The type of a session with its reasons and the entry that decided it.
 * `licence` is set exactly for split billing, `whitelistEntry` exactly for
 * whitelist; an invalid session lists every rule it fails.
 */
export type Classification =
  | { readonly type: 'invalid'; readonly reasons: readonly Reason<InvalidReasonCode>[]; readonly licence: null; readonly whitelistEntry: null }
  | { readonly type: 'split-billing'; readonly reasons: readonly Reason[]; readonly licence: Licence; readonly whitelistEntry: null }
  | { readonly type: 'whitelist'; readonly reasons: readonly Reason[]; readonly licence: null; readonly whitelistEntry: WhitelistEntry }
  | { readonly type: 'normal'; readonly reasons: readonly Reason[]; readonly licence: null; readonly whitelistEntry: null };
