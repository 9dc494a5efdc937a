import type { LocaleDefinition } from '../locale-definition.js';

/** German. */
export const de: LocaleDefinition = {
  tag: 'de',
  sessionTypes: { normal: 'Normal', 'split-billing': 'Split-Billing', whitelist: 'Whitelist', invalid: 'Ungültig' },
  minutes: { one: 'Minute', other: 'Minuten' },
  headers: {
    activity: { sessionId: 'Ladevorgang', time: 'Zeitpunkt', user: 'Nutzer', operator: 'Betreiber', description: 'Beschreibung', typeLabel: 'Art des Ladevorgangs', priceInclVat: 'Preis (inkl. MwSt.)' },
    cpo: { sessionId: 'Ladevorgang', start: 'Beginn', end: 'Ende', station: 'Ladestation', connector: 'Anschluss', duration: 'Dauer', energy: 'Energie', remuneration: 'Vergütung', remunerationType: 'Vergütungsart' },
    summary: {
      type: 'Art',
      user: 'Nutzer',
      chargePoint: 'Ladestation',
      month: 'Monat',
      count: 'Ladevorgänge',
      energyKWh: 'Energie',
      withoutEnergy: 'Ohne Zählerstand',
      durationMs: 'Dauer',
      operationalBudget: 'Betriebsbudget',
      reimbursement: 'Erstattung',
      total: 'Gesamt',
      noUser: '(kein Nutzer)',
      currency: 'Währung',
    },
    statement: { employeeId: 'Mitarbeiter', sessionId: 'Ladevorgang', start: 'Beginn', end: 'Ende', licenceId: 'Lizenz', energy: 'Energie', rate: 'Tarif', amount: 'Betrag', total: 'Gesamt' },
  },
  reasons: {
    'token-rejected': ({ status, afterStart }) =>
      afterStart ? `die Ladekarte wurde nach Ladebeginn abgelehnt (${status})` : `die Ladekarte wurde abgelehnt (${status})`,
    'energy-missing': () => 'keine Energie erfasst: es gibt keinen Zählerstand',
    'energy-out-of-range': ({ energy, min, max }) => `${energy} geladen, außerhalb des zulässigen Bereichs von ${min} bis ${max}`,
    'energy-too-low': ({ energy, limit }) => `nur ${energy} geladen, nicht mehr als die Schwelle von ${limit}`,
    'end-before-start': ({ gap }) => `endet ${gap} vor seinem Beginn`,
    'duration-too-short': ({ duration, minimum }) => `dauerte ${duration}, weniger als das Minimum von ${minimum}`,
    'duration-too-long': ({ duration, maximum }) => `dauerte ${duration}, mehr als das Maximum von ${maximum}`,
    'power-implausible': ({ power, limit }) =>
      power === null ? 'Energie wurde ganz ohne Ladedauer erfasst' : `eine mittlere Leistung von ${power}, mehr als die ${limit}, die der Anschluss zulässt`,
    'start-too-early': ({ start, earliest }) => `beginnt am ${start}, vor dem frühesten plausiblen Beginn (${earliest})`,
    'start-in-future': ({ start, now }) => `beginnt am ${start}, später als jetzt (${now})`,
    'stop-reason-invalid': ({ stopReason }) => `beendet mit Grund ${stopReason}, der einen Ladevorgang ungültig macht`,
    'split-billing-licence': ({ licence }) => `Laden zu Hause mit Lizenz ${licence}, pro kWh erstattet`,
    whitelisted: ({ entry }) => `kostenlos: die Ladekarte steht auf der Whitelist dieser Ladestation (Eintrag ${entry})`,
    public: () => 'öffentliches Laden, bezahlt aus dem Betriebsbudget',
    'licence-not-applicable': ({ licence, why }) => {
      switch (why) {
        case 'token-not-covered':
          return `Lizenz ${licence} gilt nicht für diese Ladekarte`;
        case 'not-active':
          return `Lizenz ${licence} ist nicht aktiv`;
        case 'outside-period':
          return `Lizenz ${licence} war zum Zeitpunkt des Ladevorgangs nicht gültig`;
        case null:
          return `Lizenz ${licence} gilt nicht`;
      }
    },
    'contract-id-unverified': ({ contractId }) => `die Vertrags-ID ${contractId} hat ein falsches Prüfzeichen und wurde daher nicht verwendet`,
    'home-charging-not-licensed': () => 'der CDR verlangt eine Erstattung für Laden zu Hause, aber es gilt keine Split-Billing-Lizenz',
    'licence-without-home-charging': ({ licence }) => `Lizenz ${licence} deckt diesen Ladevorgang ab, aber laut CDR ist es kein Laden zu Hause`,
  },
};
