import type { LocaleDefinition } from '../locale-definition.js';

/** Dutch. */
export const nl: LocaleDefinition = {
  tag: 'nl',
  sessionTypes: { normal: 'Normaal', 'split-billing': 'Split billing', whitelist: 'Whitelist', invalid: 'Ongeldig' },
  minutes: { one: 'minuut', other: 'minuten' },
  headers: {
    activity: { sessionId: 'Sessie', time: 'Tijdstip', user: 'Gebruiker', operator: 'Operator', description: 'Omschrijving', typeLabel: 'Sessietype', priceInclVat: 'Prijs (incl. btw)' },
    cpo: { sessionId: 'Sessie', start: 'Start', end: 'Einde', station: 'Laadpaal', connector: 'Connector', duration: 'Duur', energy: 'Energie', remuneration: 'Vergoeding', remunerationType: 'Type vergoeding' },
    summary: {
      type: 'Type',
      user: 'Gebruiker',
      chargePoint: 'Laadpaal',
      month: 'Maand',
      count: 'Sessies',
      energyKWh: 'Energie',
      withoutEnergy: 'Zonder meterstand',
      durationMs: 'Duur',
      operationalBudget: 'Operationeel budget',
      reimbursement: 'Terugbetaling',
      total: 'Totaal',
      noUser: '(geen gebruiker)',
      currency: 'Valuta',
    },
    statement: { employeeId: 'Werknemer', sessionId: 'Sessie', start: 'Start', end: 'Einde', licenceId: 'Licentie', energy: 'Energie', rate: 'Tarief', amount: 'Bedrag', total: 'Totaal' },
  },
  reasons: {
    'token-rejected': ({ status, afterStart }) =>
      afterStart ? `de laadpas werd geweigerd nadat het laden begonnen was (${status})` : `de laadpas werd geweigerd (${status})`,
    'energy-missing': () => 'geen energie geregistreerd: er is geen meterstand',
    'energy-out-of-range': ({ energy, min, max }) => `laadde ${energy}, buiten het toegestane bereik van ${min} tot ${max}`,
    'energy-too-low': ({ energy, limit }) => `laadde slechts ${energy}, niet meer dan de drempel van ${limit}`,
    'end-before-start': ({ gap }) => `eindigt ${gap} voordat ze begint`,
    'duration-too-short': ({ duration, minimum }) => `duurde ${duration}, korter dan het minimum van ${minimum}`,
    'duration-too-long': ({ duration, maximum }) => `duurde ${duration}, langer dan het maximum van ${maximum}`,
    'power-implausible': ({ power, limit }) =>
      power === null ? 'er werd energie geregistreerd zonder enige laadduur' : `een gemiddeld vermogen van ${power}, meer dan de ${limit} die de connector toelaat`,
    'start-too-early': ({ start, earliest }) => `begint op ${start}, vóór de vroegst plausibele start (${earliest})`,
    'start-in-future': ({ start, now }) => `begint op ${start}, later dan nu (${now})`,
    'stop-reason-invalid': ({ stopReason }) => `gestopt met reden ${stopReason}, die een sessie ongeldig maakt`,
    'split-billing-licence': ({ licence }) => `thuisladen onder licentie ${licence}, vergoed per kWh`,
    whitelisted: ({ entry }) => `gratis: de laadpas staat op de whitelist van deze laadpaal (regel ${entry})`,
    public: () => 'publiek laden, betaald uit het operationeel budget',
    'licence-not-applicable': ({ licence, why }) => {
      switch (why) {
        case 'token-not-covered':
          return `licentie ${licence} dekt deze laadpas niet`;
        case 'not-active':
          return `licentie ${licence} is niet actief`;
        case 'outside-period':
          return `licentie ${licence} was niet geldig op het moment van de sessie`;
        case null:
          return `licentie ${licence} is niet van toepassing`;
      }
    },
    'contract-id-unverified': ({ contractId }) => `contract-id ${contractId} heeft een foutief controleteken en werd daarom niet gebruikt`,
    'home-charging-not-licensed': () => 'het CDR vraagt een thuislaadvergoeding, maar er geldt geen split billing-licentie',
    'licence-without-home-charging': ({ licence }) => `licentie ${licence} dekt deze sessie, maar volgens het CDR is het geen thuisladen`,
  },
};
