import { findLicence, indexLicences, type LicenceMatch } from '../matchers/licence.js';
import { isValidEmaid } from '../matchers/emaid.js';
import { tokenKeys } from '../matchers/selectors.js';
import { findWhitelistEntry, indexWhitelist } from '../matchers/whitelist.js';
import type { ChargingSession } from '../model/session.js';
import { usageError } from '../errors.js';
import { describe } from '../model/messages.js';
import { checkValidity } from '../rules/rules.js';
import type { Classification } from './classification.js';
import { resolveClassifierConfig, type ClassifierConfig, type ClassifierConfigInput } from './config.js';
import type { Reason } from '../rules/reason.js';

/** Per-call options of {@link Classifier.classify}. */
export interface ClassifyOptions {
  /** The caller's clock: a session that starts after it is invalid (`start-in-future`). */
  readonly now?: Date;
}

/** A configured classifier. */
export interface Classifier {
  /** The validated configuration, defaults applied. */
  readonly config: ClassifierConfig;
  /**
   * Gives a session its type. Total, pure and deterministic: never throws,
   * the same session and options give the same answer.
   */
  classify(session: ChargingSession, options?: ClassifyOptions): Classification;
}

const LICENCE_MISMATCH_MESSAGES = {
  'not-active': 'is not active',
  'outside-period': 'was not valid at the time of the session',
  'token-not-covered': "does not cover this token (it is limited to the employee's own tokens)",
} as const;

/**
 * Checks the options of {@link Classifier.classify}: `now`, when given, must
 * be a valid `Date`.
 *
 * @example checkClassifyOptions({ now: new Date('invalid') }); // throws ConfigError
 * @throws {ConfigError} for bad options.
 */
export function checkClassifyOptions(options: ClassifyOptions): void {
  if (typeof options !== 'object' || options === null) throw usageError([], `expected the options as an object, received ${describe(options)}`);
  const { now } = options;
  if (now !== undefined && !(now instanceof Date && !Number.isNaN(now.getTime()))) {
    throw usageError(['now'], `expected now as a valid Date, received ${describe(now)}`);
  }
}

const NO_OPTIONS: ClassifyOptions = Object.freeze({});

const HOME_CHARGING_NOT_LICENSED: Reason = Object.freeze({
  code: 'home-charging-not-licensed',
  message: 'the CDR says this session is to be compensated as home charging, but no split billing licence applies',
});

/**
 * What a CPO's CDR should say in OCPI's `home_charging_compensation` for a
 * classified session: `true` exactly when it is split billing (home charging
 * on a licensed device, reimbursed per kWh).
 *
 * @example
 * homeChargingCompensationFor(classifier.classify(session)); // => true for a split billing session
 */
export function homeChargingCompensationFor(classification: Classification): boolean {
  return classification.type === 'split-billing';
}

/**
 * Builds a classifier. The whole configuration is validated first; matching
 * then goes through indexes, so classifying costs the same over ten whitelist
 * entries and licences as over a hundred thousand.
 *
 * Precedence: invalid always wins; then split billing and whitelist in the
 * configured order (split billing first by default); normal is what remains.
 *
 * @example
 * const classifier = createClassifier({ whitelist: [{ id: 'wl-1', tokens: { uids: ['04A23B5C'] }, chargePoints: { ids: ['cp_site_1'] } }] });
 * classifier.classify(session).type; // 'whitelist'
 * @throws {ConfigError} listing every problem of the configuration, with its path.
 */
export function createClassifier(config: ClassifierConfigInput = {}): Classifier {
  const resolved = resolveClassifierConfig(config);
  const { validity, matching, precedence } = resolved;
  const licences = indexLicences(resolved.licences, resolved.splitBilling.licenceCoverage);
  const whitelist = indexWhitelist(resolved.whitelist);

  return {
    config: resolved,
    classify(session, options = NO_OPTIONS) {
      if (options !== NO_OPTIONS) checkClassifyOptions(options);
      const invalid = checkValidity(session, validity, options.now);
      if (invalid.length > 0) return { type: 'invalid', reasons: invalid, licence: null, whitelistEntry: null };

      const notes: Reason[] = [];
      const { contractId } = session.token;
      if (matching.verifyContractIds && contractId !== undefined && !isValidEmaid(contractId)) {
        notes.push({
          code: 'contract-id-unverified',
          message: `the contract id ${contractId} has no valid EMAID check character, so it was not used for matching`,
          actual: contractId,
        });
      }
      const sessionTokenKeys = tokenKeys(session.token, matching);
      let licenceMatch: LicenceMatch | undefined;
      for (const matcher of precedence) {
        if (matcher === 'split-billing') {
          licenceMatch = findLicence(licences, session, sessionTokenKeys);
          const { licence } = licenceMatch;
          if (licence) {
            if (session.homeChargingCompensation === false) {
              notes.push({
                code: 'licence-without-home-charging',
                message: `split billing licence ${licence.id} covers this session, but the CDR says it is not to be compensated as home charging`,
                licenceId: licence.id,
              });
            }
            return {
              type: 'split-billing',
              reasons: [{ code: 'split-billing-licence', message: `split billing licence ${licence.id} covers this session`, licenceId: licence.id }, ...notes],
              licence,
              whitelistEntry: null,
            };
          }
        } else {
          const entry = findWhitelistEntry(whitelist, session, sessionTokenKeys);
          if (entry) {
            if (session.homeChargingCompensation === true) notes.push(HOME_CHARGING_NOT_LICENSED);
            return {
              type: 'whitelist',
              reasons: [
                { code: 'whitelisted', message: `the token is whitelisted on this charge point (entry ${entry.id})`, whitelistEntryId: entry.id },
                ...notes,
              ],
              licence: null,
              whitelistEntry: entry,
            };
          }
        }
      }
      if (session.homeChargingCompensation === true) notes.push(HOME_CHARGING_NOT_LICENSED);
      const mismatch = licenceMatch?.mismatch;
      if (mismatch) {
        notes.push({
          code: 'licence-not-applicable',
          message: `split billing licence ${mismatch.licence.id} on this charge point ${LICENCE_MISMATCH_MESSAGES[mismatch.why]}`,
          actual: mismatch.why,
          licenceId: mismatch.licence.id,
        });
      }
      return {
        type: 'normal',
        reasons: [{ code: 'public', message: 'no licence or whitelist entry applies: a normal session, paid from the operational budget' }, ...notes],
        licence: null,
        whitelistEntry: null,
      };
    },
  };
}
