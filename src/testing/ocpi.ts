import * as fc from 'fast-check';
import type { SessionInput } from '../model/session.js';
import type { OcpiCdr211, OcpiCdr221, OcpiCdr230, OcpiVersion } from '../ocpi/index.js';
import { decimalTextArb } from './decimals.js';
import { POOL } from './pools.js';

/** An OCPI CDR of one version, and the session input it stands for (what `parseSession` would read from the same data written by hand). */
export type OcpiCdrCase =
  | { readonly version: '2.1.1'; readonly cdr: OcpiCdr211; readonly session: SessionInput }
  | { readonly version: '2.2.1'; readonly cdr: OcpiCdr221; readonly session: SessionInput }
  | { readonly version: '2.3.0'; readonly cdr: OcpiCdr230; readonly session: SessionInput };

const VERSIONS: readonly OcpiVersion[] = ['2.1.1', '2.2.1', '2.3.0'];
const ocpiDateTime = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const OPERATORS = POOL.operatorIds.map((operatorId) => ({ operatorId, country_code: operatorId.slice(0, 2), party_id: operatorId.slice(3) }));

/**
 * A well-formed OCPI CDR in one of `versions` (default 2.1.1, 2.2.1 and
 * 2.3.0), built field by field as the specification's mod_cdrs gives it,
 * from {@link POOL}'s tokens and charge points: whole seconds, energy with up
 * to three decimals, a price excl. VAT and 21 % VAT (2.3.0: as a tax), and
 * the session input the adapter must read it as.
 *
 * @example
 * const read = ({ cdr, session }: OcpiCdrCase) => JSON.stringify(fromOcpiCdr(cdr).data) === JSON.stringify(parseSession(session).data);
 * fc.sample(ocpiCdrArb(['2.2.1']), 10).every(read); // => true
 */
export function ocpiCdrArb(versions: readonly OcpiVersion[] = VERSIONS): fc.Arbitrary<OcpiCdrCase> {
  return fc
    .record({
      version: fc.constantFrom(...versions),
      n: fc.nat({ max: 99_999 }),
      startS: fc.integer({ min: Date.UTC(2021, 0, 1) / 1000, max: Date.UTC(2024, 0, 1) / 1000 }),
      durationS: fc.integer({ min: 60, max: 6 * 3600 }),
      energy: decimalTextArb(0, 120, 3),
      uid: fc.constantFrom('04A23B5C', '04B719E2', '04C1D2E3', 'AABBCCDD'),
      contractId: fc.constantFrom(...POOL.contractIds),
      type: fc.constantFrom('RFID' as const, 'APP_USER' as const, 'AD_HOC_USER' as const, 'OTHER' as const),
      authMethod: fc.constantFrom('AUTH_REQUEST' as const, 'WHITELIST' as const),
      chargePointId: fc.constantFrom(...POOL.chargePointIds),
      locationId: fc.constantFrom(...POOL.locationIds),
      operator: fc.constantFrom(...OPERATORS),
      connectorId: fc.constantFrom('1', '2'),
      exclCents: fc.integer({ min: 0, max: 10_000 }),
    })
    .map(({ version, n, startS, durationS, energy, uid, contractId, type, authMethod, chargePointId, locationId, operator, connectorId, exclCents }): OcpiCdrCase => {
      const id = `cdr-${n}`;
      const start = ocpiDateTime(startS * 1000);
      const end = ocpiDateTime((startS + durationS) * 1000);
      const hours = Number((durationS / 3600).toFixed(4));
      const excl = exclCents / 100;
      const vatCents = Math.round(exclCents * 0.21);
      const incl = (exclCents + vatCents) / 100;
      const evseId = `${operator.country_code}*${operator.party_id}*E${connectorId}`;
      const periods = [{ start_date_time: start, dimensions: [{ type: 'ENERGY', volume: Number(energy) }, { type: 'TIME', volume: hours }] }];
      const common = { id, start_date_time: start, currency: 'EUR', charging_periods: periods, total_energy: Number(energy), total_time: hours, last_updated: end };
      const base = { id, startedAt: start, endedAt: end, energyKWh: String(Number(energy)), authMethod } as const;
      if (version === '2.1.1') {
        const cdr: OcpiCdr211 = {
          ...common,
          stop_date_time: end,
          auth_id: contractId,
          auth_method: authMethod,
          location: { id: locationId, evses: [{ uid: chargePointId, evse_id: evseId, connectors: [{ id: connectorId }] }] },
          total_cost: excl,
        };
        const session: SessionInput = {
          ...base,
          token: { uid: contractId, contractId },
          chargePoint: { id: chargePointId, evseId, connectorId, locationId },
          price: { exclVat: String(excl), currency: 'EUR' },
        };
        return { version, cdr, session };
      }
      const cdr221 = {
        ...common,
        country_code: operator.country_code,
        party_id: operator.party_id,
        end_date_time: end,
        cdr_token: { country_code: 'NL', party_id: 'TST', uid, type, contract_id: contractId },
        auth_method: authMethod,
        cdr_location: { id: locationId, address: 'Kerkstraat 1', city: 'Gent', country: 'BEL', evse_uid: chargePointId, evse_id: evseId, connector_id: connectorId },
      };
      const session: SessionInput = {
        ...base,
        token: { uid, contractId, type },
        chargePoint: { id: chargePointId, evseId, connectorId, locationId, operatorId: operator.operatorId },
        price: { exclVat: String(excl), inclVat: String(incl), currency: 'EUR' },
      };
      if (version === '2.2.1') return { version, cdr: { ...cdr221, total_cost: { excl_vat: excl, incl_vat: incl } }, session };
      return { version, cdr: { ...cdr221, total_cost: { before_taxes: excl, taxes: [{ name: 'VAT', percentage: 21, amount: vatCents / 100 }] } }, session };
    });
}
