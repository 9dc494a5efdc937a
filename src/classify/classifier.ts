import { usageError } from '../errors.js';
import { isValidEmaid } from '../matchers/emaid.js';
import { findLicence, indexLicences, type Licence, type LicenceIndex, type LicenceMatch } from '../matchers/licence.js';
import { chargePointLookup, tokenLookup, type LookupNeeds, type TokenMatching } from '../matchers/selectors.js';
import { findWhitelistEntry, indexWhitelist, type WhitelistEntry, type WhitelistIndex } from '../matchers/whitelist.js';
import { deepFreeze } from '../model/freeze.js';
import { keepRateBounds } from '../matchers/rate-schedule.js';
import { describe } from '../model/messages.js';
import type { ChargingSession } from '../model/session.js';
import { compileValidity, type ValidityCheck } from '../rules/rules.js';
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
 * homeChargingCompensationFor(classifier.classify(session)); // => true
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
 * const whitelisting = createClassifier({ whitelist: [{ id: 'wl-1', tokens: { uids: ['04A23B5C'] }, chargePoints: { ids: ['cp_test2'] } }] });
 * whitelisting.classify(session).type; // => 'whitelist'
 * createClassifier({ validity: { energyKWh: { min: '10', max: '5' } } }); // throws ConfigError
 * @throws {ConfigError} listing every problem of the configuration, with its path.
 */
export function createClassifier(config: ClassifierConfigInput = {}): Classifier {
  const resolved = resolveClassifierConfig(config);
  const { validity, matching, precedence } = resolved;
  const licences = indexLicences(resolved.licences, resolved.splitBilling.licenceCoverage);
  const whitelist = indexWhitelist(resolved.whitelist);
  const state: ClassifierState = {
    validate: compileValidity(validity),
    matching,
    licences,
    whitelist,
    splitBillingFirst: precedence[0] === 'split-billing',
    needs: {
      contractIds: whitelist.byContractId.size > 0 || licences.kinds.contractIds,
      groupIds: whitelist.byGroupId.size > 0 || licences.kinds.groupIds,
      locationIds: whitelist.byLocationId.size > 0,
      operatorIds: whitelist.byOperatorId.size > 0,
    },
    splitBillingAnswers: new Map(),
    whitelistAnswers: new Map(),
  };
  return {
    // Frozen when first read, as every licence and whitelist entry is when first handed out: what the
    // classifier hands out cannot change its later answers, and a large configuration is not walked up front.
    get config() {
      if (!Object.isFrozen(resolved)) resolved.licences.forEach(frozenLicence);
      return deepFreeze(resolved);
    },
    classify: (session, options = NO_OPTIONS) => classifyWith(state, session, options),
  };
}

/** What a classifier holds: its indexes, compiled rules, and the answers it shares. */
interface ClassifierState {
  readonly validate: ValidityCheck;
  readonly matching: TokenMatching;
  readonly licences: LicenceIndex;
  readonly whitelist: WhitelistIndex;
  readonly splitBillingFirst: boolean;
  readonly needs: LookupNeeds;
  /** Answers that depend only on the entry that decided them, made once and shared (they are frozen). */
  readonly splitBillingAnswers: Map<Licence, Classification>;
  readonly whitelistAnswers: Map<WhitelistEntry, Classification>;
}

function classifyWith(state: ClassifierState, session: ChargingSession, options: ClassifyOptions): Classification {
  if (options !== NO_OPTIONS) checkClassifyOptions(options);
  const invalid = state.validate(session, options.now);
  if (invalid !== null) return { type: 'invalid', reasons: invalid, licence: null, whitelistEntry: null };

  let notes: Reason[] | null = null;
  const { contractId } = session.token;
  if (state.matching.verifyContractIds && contractId !== undefined && !isValidEmaid(contractId)) {
    notes = [{ code: 'contract-id-unverified', message: `the contract id ${contractId} has no valid EMAID check character, so it was not used for matching`, actual: contractId }];
  }
  const token = tokenLookup(session.token, state.matching, state.needs);
  const chargePoint = chargePointLookup(session.chargePoint, state.needs);
  const compensation = session.homeChargingCompensation;
  let licenceMatch: LicenceMatch | null = null;
  let entry: WhitelistEntry | null = null;
  if (state.splitBillingFirst) {
    licenceMatch = findLicence(state.licences, session, token, chargePoint);
    if (licenceMatch.licence === null) entry = findWhitelistEntry(state.whitelist, session, token, chargePoint);
  } else {
    entry = findWhitelistEntry(state.whitelist, session, token, chargePoint);
    if (entry === null) licenceMatch = findLicence(state.licences, session, token, chargePoint);
  }
  const licence = licenceMatch?.licence ?? null;
  if (licence !== null) {
    if (compensation === false) {
      (notes ??= []).push({
        code: 'licence-without-home-charging',
        message: `split billing licence ${licence.id} covers this session, but the CDR says it is not to be compensated as home charging`,
        licenceId: licence.id,
      });
    }
    return splitBillingAnswer(state, frozenLicence(licence), notes);
  }
  if (compensation === true) (notes ??= []).push(HOME_CHARGING_NOT_LICENSED);
  if (entry !== null) return whitelistAnswer(state, frozen(entry), notes);
  const mismatch = licenceMatch?.mismatch;
  if (mismatch) {
    frozenLicence(mismatch.licence);
    (notes ??= []).push({
      code: 'licence-not-applicable',
      message: `split billing licence ${mismatch.licence.id} on this charge point ${LICENCE_MISMATCH_MESSAGES[mismatch.why]}`,
      actual: mismatch.why,
      licenceId: mismatch.licence.id,
    });
  }
  return notes === null ? NORMAL : { type: 'normal', reasons: [PUBLIC, ...notes], licence: null, whitelistEntry: null };
}

/** The entry, frozen through and through before it is first handed out. */
function frozen<T extends object>(entry: T): T {
  return Object.isFrozen(entry) ? entry : deepFreeze(entry);
}

/** The licence, frozen before it is first handed out, its schedules' periods read: changing their Dates then changes no rate. */
function frozenLicence(licence: Licence): Licence {
  if (Object.isFrozen(licence)) return licence;
  keepRateBounds(licence.rates);
  licence.ceiling?.forEach(({ schedule }) => keepRateBounds(schedule));
  return deepFreeze(licence);
}

function splitBillingAnswer(state: ClassifierState, licence: Licence, notes: Reason[] | null): Classification {
  let answer = notes === null ? state.splitBillingAnswers.get(licence) : undefined;
  if (answer) return answer;
  const decided: Reason = { code: 'split-billing-licence', message: `split billing licence ${licence.id} covers this session`, licenceId: licence.id };
  if (notes !== null) return { type: 'split-billing', reasons: [decided, ...notes], licence, whitelistEntry: null };
  answer = deepFreeze<Classification>({ type: 'split-billing', reasons: [decided], licence, whitelistEntry: null });
  state.splitBillingAnswers.set(licence, answer);
  return answer;
}

function whitelistAnswer(state: ClassifierState, entry: WhitelistEntry, notes: Reason[] | null): Classification {
  let answer = notes === null ? state.whitelistAnswers.get(entry) : undefined;
  if (answer) return answer;
  const decided: Reason = { code: 'whitelisted', message: `the token is whitelisted on this charge point (entry ${entry.id})`, whitelistEntryId: entry.id };
  if (notes !== null) return { type: 'whitelist', reasons: [decided, ...notes], licence: null, whitelistEntry: entry };
  answer = deepFreeze<Classification>({ type: 'whitelist', reasons: [decided], licence: null, whitelistEntry: entry });
  state.whitelistAnswers.set(entry, answer);
  return answer;
}

const PUBLIC: Reason = Object.freeze({ code: 'public', message: 'no licence or whitelist entry applies: a normal session, paid from the operational budget' });
const NORMAL: Classification = deepFreeze({ type: 'normal', reasons: [PUBLIC], licence: null, whitelistEntry: null });
