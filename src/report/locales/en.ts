import type { LocaleDefinition } from '../locale-definition.js';

/** English. */
export const en: LocaleDefinition = {
  tag: 'en',
  sessionTypes: { normal: 'Normal', 'split-billing': 'Split billing', whitelist: 'Whitelist', invalid: 'Invalid' },
  minutes: { one: 'minute', other: 'minutes' },
  headers: {
    activity: { sessionId: 'Session', time: 'Time', user: 'User', operator: 'Operator', description: 'Description', typeLabel: 'Session type', priceInclVat: 'Price (incl. VAT)' },
    cpo: { sessionId: 'Session', start: 'Start', end: 'End', station: 'Station', connector: 'Connector', duration: 'Duration', energy: 'Energy', remuneration: 'Remuneration', remunerationType: 'Remuneration type' },
    summary: {
      type: 'Type',
      user: 'User',
      chargePoint: 'Charge point',
      month: 'Month',
      count: 'Sessions',
      energyKWh: 'Energy',
      withoutEnergy: 'Without energy reading',
      durationMs: 'Duration',
      operationalBudget: 'Operational budget',
      reimbursement: 'Reimbursement',
      total: 'Total',
      noUser: '(no user)',
      currency: 'Currency',
    },
    statement: { employeeId: 'Employee', sessionId: 'Session', start: 'Start', end: 'End', licenceId: 'Licence', energy: 'Energy', rate: 'Rate', amount: 'Amount', total: 'Total' },
  },
  reasons: {
    'token-rejected': ({ status, afterStart }) =>
      afterStart ? `the charge card was refused after charging had started (${status})` : `the charge card was refused (${status})`,
    'energy-missing': () => 'no energy was recorded: there is no meter reading',
    'energy-out-of-range': ({ energy, min, max }) => `charged ${energy}, outside the allowed range of ${min} to ${max}`,
    'energy-too-low': ({ energy, limit }) => `charged only ${energy}, not more than the threshold of ${limit}`,
    'end-before-start': ({ gap }) => `ends ${gap} before it starts`,
    'duration-too-short': ({ duration, minimum }) => `lasted ${duration}, less than the minimum of ${minimum}`,
    'duration-too-long': ({ duration, maximum }) => `lasted ${duration}, more than the maximum of ${maximum}`,
    'power-implausible': ({ power, limit }) =>
      power === null ? 'energy was recorded in no time at all' : `an average power of ${power}, more than the ${limit} the connector allows`,
    'start-too-early': ({ start, earliest }) => `starts ${start}, before the earliest plausible start (${earliest})`,
    'start-in-future': ({ start, now }) => `starts ${start}, later than now (${now})`,
    'stop-reason-invalid': ({ stopReason }) => `stopped with reason ${stopReason}, which makes a session invalid`,
    'split-billing-licence': ({ licence }) => `home charging under licence ${licence}, reimbursed per kWh`,
    whitelisted: ({ entry }) => `free: the charge card is whitelisted on this charge point (entry ${entry})`,
    public: () => 'public charging, paid from the operational budget',
    'licence-not-applicable': ({ licence, why }) => {
      switch (why) {
        case 'token-not-covered':
          return `licence ${licence} does not cover this card`;
        case 'not-active':
          return `licence ${licence} is not active`;
        case 'outside-period':
          return `licence ${licence} was not valid at the time of the session`;
        case null:
          return `licence ${licence} does not apply`;
      }
    },
    'contract-id-unverified': ({ contractId }) => `contract id ${contractId} has a wrong check character, so it was not used`,
    'home-charging-not-licensed': () => 'the CDR asks for home charging compensation, but no split billing licence applies',
    'licence-without-home-charging': ({ licence }) => `licence ${licence} covers this session, but the CDR says it is not home charging`,
  },
};
