import type { LocaleDefinition } from '../locale-definition.js';

/** The space French puts before ":" (a non-breaking space). */
const NBSP = '\u00a0';

/** French. */
export const fr: LocaleDefinition = {
  tag: 'fr',
  sessionTypes: { normal: 'Normale', 'split-billing': 'Split billing', whitelist: 'Liste blanche', invalid: 'Non valable' },
  minutes: { one: 'minute', many: 'de minutes', other: 'minutes' },
  headers: {
    activity: { sessionId: 'Session', time: 'Date et heure', user: 'Utilisateur', operator: 'Opérateur', description: 'Description', typeLabel: 'Type de session', priceInclVat: 'Prix (TVA comprise)' },
    cpo: { sessionId: 'Session', start: 'Début', end: 'Fin', station: 'Borne', connector: 'Connecteur', duration: 'Durée', energy: 'Énergie', remuneration: 'Rémunération', remunerationType: 'Type de rémunération' },
    summary: {
      type: 'Type',
      user: 'Utilisateur',
      chargePoint: 'Borne',
      month: 'Mois',
      count: 'Sessions',
      energyKWh: 'Énergie',
      withoutEnergy: 'Sans relevé d’énergie',
      durationMs: 'Durée',
      operationalBudget: 'Budget opérationnel',
      reimbursement: 'Remboursement',
      total: 'Total',
      noUser: '(sans utilisateur)',
      currency: 'Devise',
    },
    statement: { employeeId: 'Employé', sessionId: 'Session', start: 'Début', end: 'Fin', licenceId: 'Licence', energy: 'Énergie', rate: 'Tarif', amount: 'Montant', total: 'Total' },
  },
  reasons: {
    'token-rejected': ({ status, afterStart }) =>
      afterStart ? `la carte de recharge a été refusée après le début de la recharge (${status})` : `la carte de recharge a été refusée (${status})`,
    'energy-missing': () => `aucune énergie enregistrée${NBSP}: il n’y a pas de relevé du compteur`,
    'energy-out-of-range': ({ energy, min, max }) => `a chargé ${energy}, hors de la plage autorisée de ${min} à ${max}`,
    'energy-too-low': ({ energy, limit }) => `n’a chargé que ${energy}, pas plus que le seuil de ${limit}`,
    'end-before-start': ({ gap }) => `se termine ${gap} avant d’avoir commencé`,
    'duration-too-short': ({ duration, minimum }) => `a duré ${duration}, moins que le minimum de ${minimum}`,
    'duration-too-long': ({ duration, maximum }) => `a duré ${duration}, plus que le maximum de ${maximum}`,
    'power-implausible': ({ power, limit }) =>
      power === null
        ? 'de l’énergie a été enregistrée sans aucune durée de recharge'
        : `une puissance moyenne de ${power}, supérieure aux ${limit} que permet le connecteur`,
    'start-too-early': ({ start, earliest }) => `commence le ${start}, avant le début plausible le plus ancien (${earliest})`,
    'start-in-future': ({ start, now }) => `commence le ${start}, plus tard que maintenant (${now})`,
    'stop-reason-invalid': ({ stopReason }) => `arrêtée pour le motif ${stopReason}, qui rend une session non valable`,
    'split-billing-licence': ({ licence }) => `recharge à domicile sous la licence ${licence}, remboursée par kWh`,
    whitelisted: ({ entry }) => `gratuite${NBSP}: la carte de recharge est sur la liste blanche de cette borne (entrée ${entry})`,
    public: () => 'recharge publique, payée sur le budget opérationnel',
    'licence-not-applicable': ({ licence, why }) => {
      switch (why) {
        case 'token-not-covered':
          return `la licence ${licence} ne couvre pas cette carte`;
        case 'not-active':
          return `la licence ${licence} n’est pas active`;
        case 'outside-period':
          return `la licence ${licence} n’était pas valable au moment de la session`;
        case null:
          return `la licence ${licence} ne s’applique pas`;
      }
    },
    'contract-id-unverified': ({ contractId }) =>
      `l’identifiant de contrat ${contractId} a un caractère de contrôle erroné, il n’a donc pas été utilisé`,
    'home-charging-not-licensed': () => 'le CDR demande une compensation de recharge à domicile, mais aucune licence split billing ne s’applique',
    'licence-without-home-charging': ({ licence }) =>
      `la licence ${licence} couvre cette session, mais le CDR indique qu’il ne s’agit pas de recharge à domicile`,
  },
};
