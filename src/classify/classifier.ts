import { usageError } from '../errors.js';
import { isValidEmaid } from '../matchers/emaid.js';
import { findLicence, indexLicences, type Licence, type LicenceMatch } from '../matchers/licence.js';
import { chargePointLookup, tokenLookup } from '../matchers/selectors.js';
import { findWhitelistEntry, indexWhitelist, type WhitelistEntry } from '../matchers/whitelist.js';
import { deepFreeze } from '../model/freeze.js';
import { describe } from '../model/messages.js';
import type { ChargingSession } from '../model/session.js';
import { compileValidity } from '../rules/rules.js';
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
  const resolved = deepFreeze(resolveClassifierConfig(config));
  const { validity, matching, precedence } = resolved;
  const validate = compileValidity(validity);
  const licences = indexLicences(resolved.licences, resolved.splitBilling.licenceCoverage);
  const whitelist = indexWhitelist(resolved.whitelist);
  const splitBillingFirst = precedence[0] === 'split-billing';
  // Answers that depend only on the entry that decided them are made once and shared (they are frozen).
  const splitBillingAnswers = new Map<Licence, Classification>();
  const whitelistAnswers = new Map<WhitelistEntry, Classification>();

  const splitBilling = (licence: Licence, notes: Reason[] | null): Classification => {
    const decided: Reason = { code: 'split-billing-licence', message: `split billing licence ${licence.id} covers this session`, licenceId: licence.id };
    if (notes !== null) return { type: 'split-billing', reasons: [decided, ...notes], licence, whitelistEntry: null };
    let answer = splitBillingAnswers.get(licence);
    if (!answer) splitBillingAnswers.set(licence, (answer = deepFreeze({ type: 'split-billing', reasons: [decided], licence, whitelistEntry: null })));
    return answer;
  };
  const whitelisted = (entry: WhitelistEntry, notes: Reason[] | null): Classification => {
    const decided: Reason = { code: 'whitelisted', message: `the token is whitelisted on this charge point (entry ${entry.id})`, whitelistEntryId: entry.id };
    if (notes !== null) return { type: 'whitelist', reasons: [decided, ...notes], licence: null, whitelistEntry: entry };
    let answer = whitelistAnswers.get(entry);
    if (!answer) whitelistAnswers.set(entry, (answer = deepFreeze({ type: 'whitelist', reasons: [decided], licence: null, whitelistEntry: entry })));
    return answer;
  };

  return {
    config: resolved,
    classify(session, options = NO_OPTIONS) {
      if (options !== NO_OPTIONS) checkClassifyOptions(options);
      const invalid = validate(session, options.now);
      if (invalid !== null) return { type: 'invalid', reasons: invalid, licence: null, whitelistEntry: null };

      let notes: Reason[] | null = null;
      const { contractId } = session.token;
      if (matching.verifyContractIds && contractId !== undefined && !isValidEmaid(contractId)) {
        notes = [{ code: 'contract-id-unverified', message: `the contract id ${contractId} has no valid EMAID check character, so it was not used for matching`, actual: contractId }];
      }
      const token = tokenLookup(session.token, matching);
      const chargePoint = chargePointLookup(session.chargePoint);
      const compensation = session.homeChargingCompensation;
      let licenceMatch: LicenceMatch | undefined;
      const licensed = (): Classification | null => {
        licenceMatch = findLicence(licences, session, token, chargePoint);
        const { licence } = licenceMatch;
        if (!licence) return null;
        if (compensation === false) {
          (notes ??= []).push({
            code: 'licence-without-home-charging',
            message: `split billing licence ${licence.id} covers this session, but the CDR says it is not to be compensated as home charging`,
            licenceId: licence.id,
          });
        }
        return splitBilling(licence, notes);
      };
      const free = (): Classification | null => {
        const entry = findWhitelistEntry(whitelist, session, token, chargePoint);
        if (!entry) return null;
        if (compensation === true) (notes ??= []).push(HOME_CHARGING_NOT_LICENSED);
        return whitelisted(entry, notes);
      };
      const decided = splitBillingFirst ? (licensed() ?? free()) : (free() ?? licensed());
      if (decided) return decided;

      if (compensation === true) (notes ??= []).push(HOME_CHARGING_NOT_LICENSED);
      const mismatch = licenceMatch?.mismatch;
      if (mismatch) {
        (notes ??= []).push({
          code: 'licence-not-applicable',
          message: `split billing licence ${mismatch.licence.id} on this charge point ${LICENCE_MISMATCH_MESSAGES[mismatch.why]}`,
          actual: mismatch.why,
          licenceId: mismatch.licence.id,
        });
      }
      return notes === null ? NORMAL : { type: 'normal', reasons: [PUBLIC, ...notes], licence: null, whitelistEntry: null };
    },
  };
}

const PUBLIC: Reason = Object.freeze({ code: 'public', message: 'no licence or whitelist entry applies: a normal session, paid from the operational budget' });
const NORMAL: Classification = deepFreeze({ type: 'normal', reasons: [PUBLIC], licence: null, whitelistEntry: null });
