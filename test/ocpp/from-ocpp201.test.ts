import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier';
import { fromOcpp201 } from '../../src/ocpp';
import { call, codes, event201, issueCodes, register201, result, sessionOf, transaction201 } from './logs';

const OPTIONS = { chargePointId: 'CS-7' };
const classifier = createClassifier({});
const TX = 'f1e2d3c4-0001';
const FROM = '2024-03-04T08:00:00Z';
const TO = '2024-03-04T09:00:00Z';
const read = (log: unknown[], options: Record<string, unknown> = {}) => fromOcpp201(log, { ...OPTIONS, ...options });
const only = (log: unknown[], options: Record<string, unknown> = {}) => read(log, options)[0]!;

describe('fromOcpp201: assembly', () => {
  it('groups events by transactionId and orders them by seqNo whatever the log order', () => {
    const [started, updated, ended] = transaction201(TX, 1_000, 4_667);
    const found = only([ended, updated, started]);
    expect(found).toMatchObject({ success: true, transactionId: TX, messages: [0, 1, 2], warnings: [] });
    const session = sessionOf(found);
    expect(session.id).toBe(`CS-7:${TX}`);
    expect(session.startedAt.toISOString()).toBe('2024-03-04T08:00:00.000Z');
    expect(session.endedAt.toISOString()).toBe('2024-03-04T09:00:00.000Z');
    expect(session.energyKWh?.toString()).toBe('3.667');
    expect(session.token).toEqual({ uid: '04A23B5C', type: 'RFID', authorization: 'Accepted' });
    expect(session.chargePoint).toEqual({ id: 'CS-7', connectorId: '1' });
    expect(session.stopReason).toBe('EVDisconnected');
  });

  it('reads interleaved transactions apart, as OCPP-J frames with their answers', () => {
    const a = transaction201('a', 100, 1_100);
    const b = transaction201('b', 5_000, 7_500);
    const frames = [a[0], b[0], a[1], b[1], b[2], a[2]].flatMap((event, index) => [
      call(`m${index}`, event!.action, event!.payload),
      result(`m${index}`, event!.response),
    ]);
    expect(read(frames).map((found) => [found.transactionId, found.messages, sessionOf(found).energyKWh?.toString()])).toEqual([
      ['a', [0, 1, 4, 5, 10, 11], '1'],
      ['b', [2, 3, 6, 7, 8, 9], '2.5'],
    ]);
  });

  it('includes offline events', () => {
    const log = transaction201(TX, 1_000, 2_000).map((event) => ({ ...event, payload: { ...event.payload, offline: true } }));
    expect(sessionOf(only(log)).energyKWh?.toString()).toBe('1');
  });

  it('reads the token status and group from the answer to the event that carries the idToken', () => {
    const [started, updated, ended] = transaction201(TX, 1_000, 4_667);
    const answered = { ...started!, response: { idTokenInfo: { status: 'Blocked', groupIdToken: { idToken: 'acme-company-cars', type: 'Central' } } } };
    const session = sessionOf(only([answered, updated, ended]));
    expect(session.token).toEqual({ uid: '04A23B5C', type: 'RFID', groupId: 'acme-company-cars', authorization: 'Blocked' });
    expect(classifier.classify(session).reasons.map((reason) => reason.code)).toEqual(['token-rejected']);
  });

  it('reads an eMAID token as the contract id', () => {
    const [started, updated, ended] = transaction201(TX, 1_000, 4_667);
    const emaid = { ...started!, payload: { ...started!.payload, idToken: { idToken: 'NL-TST-C12345678-S', type: 'eMAID' } } };
    expect(sessionOf(only([emaid, updated, ended])).token).toEqual({ uid: 'NL-TST-C12345678-S', contractId: 'NL-TST-C12345678-S', authorization: 'Accepted' });
  });

  it('makes the default explicit when no answer gives the authorisation', () => {
    const [started, updated, ended] = transaction201(TX, 1_000, 4_667);
    const { response: _response, ...unanswered } = started!;
    const found = only([unanswered, updated, ended]);
    expect(codes(found)).toEqual(['authorization-unknown']);
    expect(sessionOf(found).token.authorization).toBe('Unknown');
    expect(sessionOf(only([unanswered, updated, ended], { authorizationWithoutAnswer: 'Accepted' })).token.authorization).toBe('Accepted');
  });

  it('carries stoppedReason; absent means Local; DeAuthorized is a rejected token', () => {
    const [started, updated, ended] = transaction201(TX, 1_000, 4_667);
    const endedWith = (stoppedReason?: string) => ({
      ...ended!,
      payload: { ...ended!.payload, transactionInfo: { transactionId: TX, ...(stoppedReason === undefined ? {} : { stoppedReason }) } },
    });
    expect(sessionOf(only([started, updated, endedWith('SOCLimitReached')])).stopReason).toBe('SOCLimitReached');
    expect(sessionOf(only([started, updated, endedWith()])).stopReason).toBe('Local');
    const deauthorized = sessionOf(only([started, updated, endedWith('DeAuthorized')]));
    expect(classifier.classify(deauthorized).reasons.map((reason) => reason.code)).toEqual(['token-rejected']);
  });

  it('reports a transaction without its Started or Ended event, never dropped', () => {
    const [started, updated, ended] = transaction201(TX, 1_000, 4_667);
    expect(read([started, updated]).map((found) => [found.transactionId, found.messages, issueCodes(found)])).toEqual([[TX, [0, 1], ['transaction-not-ended']]]);
    expect(read([updated, ended]).map(issueCodes)).toEqual([['transaction-not-started']]);
  });

  it('reports gaps and duplicates in seqNo', () => {
    const [started, , ended] = transaction201(TX, 1_000, 4_667);
    expect(codes(only([started, ended]))).toEqual(['seq-no-gap']);
    const again = { ...ended!, payload: { ...ended!.payload, seqNo: 0 } };
    expect(codes(only([started, again]))).toEqual(['seq-no-duplicate']);
  });

  it('reports a stop before the start; the rules judge it', () => {
    const found = only(transaction201(TX, 1_000, 4_667, TO, FROM));
    expect(codes(found)).toEqual(['stop-before-start']);
    expect(classifier.classify(sessionOf(found)).reasons.map((reason) => reason.code)).toEqual(['end-before-start']);
  });

  it('reports 1.6 messages and payloads that are not TransactionEvents', () => {
    const results = read([call('a', 'StartTransaction', {}), { action: 'TransactionEvent', payload: { seqNo: 0 } }]);
    expect(results.map(issueCodes)).toEqual([['wrong-version'], ['payload-invalid']]);
    expect(results[1]!.error!.issues[0]!.path).toEqual([1, 'payload', 'transactionInfo', 'transactionId']);
  });
});

describe('fromOcpp201: energy', () => {
  const withSamples = (first: unknown[], last: unknown[], firstExtra: Record<string, unknown> = {}) => [
    event201(TX, 'Started', 0, FROM, first, firstExtra),
    event201(TX, 'Ended', 1, TO, last),
  ];

  it('applies the unit and the multiplier', () => {
    const kWh = withSamples([register201(1.5, 'Transaction.Begin', { unitOfMeasure: { unit: 'kWh' } })], [register201(4, 'Transaction.End', { unitOfMeasure: { unit: 'kWh' } })]);
    expect(sessionOf(only(kWh)).energyKWh?.toString()).toBe('2.5');
    const multiplied = withSamples([register201(15, 'Transaction.Begin', { unitOfMeasure: { multiplier: 2 } })], [register201(4, 'Transaction.End', { unitOfMeasure: { unit: 'kWh', multiplier: 0 } })]);
    expect(sessionOf(only(multiplied)).energyKWh?.toString()).toBe('2.5');
  });

  it('reads the outlet (or no location) only: the inlet, phases and other measurands are ignored', () => {
    const noise = [
      { value: 99_999, measurand: 'Energy.Active.Import.Register', location: 'Inlet', unitOfMeasure: { unit: 'kWh' } },
      { value: 7, measurand: 'Energy.Active.Import.Register', phase: 'L1' },
      { value: 11_000, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W' } },
      { value: 55, measurand: 'SoC' },
    ];
    const log = withSamples([register201(1_000, 'Transaction.Begin', { location: 'Outlet' }), ...noise], [...noise, { value: 4_667, context: 'Transaction.End' }]);
    const found = only(log);
    expect(found.warnings).toEqual([]);
    expect(sessionOf(found).energyKWh?.toString()).toBe('3.667');
  });

  it('never pays a zero placeholder of an offline start: the energy is unknown, the session invalid', () => {
    const log = withSamples([register201(0, 'Transaction.Begin')], [register201(910_083, 'Transaction.End')], { offline: true });
    const found = only(log);
    expect(codes(found)).toEqual(['meter-zero-placeholder']);
    expect(sessionOf(found).energyKWh).toBeNull();
    expect(classifier.classify(sessionOf(found)).reasons.map((reason) => reason.code)).toEqual(['energy-missing']);
  });

  it('reports a register that starts at 0 online, and reads it', () => {
    const found = only(withSamples([register201(0, 'Transaction.Begin')], [register201(83, 'Transaction.End')]));
    expect(codes(found)).toEqual(['meter-starts-at-zero']);
    expect(sessionOf(found).energyKWh?.toString()).toBe('0.083');
  });

  it('reports a register that decreases; the rules judge the negative energy', () => {
    const found = only(withSamples([register201(5_000, 'Transaction.Begin')], [register201(4_000, 'Transaction.End')]));
    expect(codes(found)).toEqual(['meter-decreased']);
    expect(classifier.classify(sessionOf(found)).reasons.map((reason) => reason.code)).toEqual(['energy-out-of-range']);
  });

  it('reads a -1 sentinel as unknown at the ends, and passes over it in between', () => {
    const atEnd = only(withSamples([register201(1_000, 'Transaction.Begin')], [register201(-1, 'Transaction.End')]));
    expect(codes(atEnd)).toEqual(['meter-sentinel']);
    expect(sessionOf(atEnd).energyKWh).toBeNull();
    const between = only([
      event201(TX, 'Started', 0, FROM, [register201(1_000, 'Transaction.Begin')]),
      event201(TX, 'Updated', 1, FROM, [register201(-1)]),
      event201(TX, 'Ended', 2, TO, [register201(2_000, 'Transaction.End')]),
    ]);
    expect(codes(between)).toEqual(['meter-sentinel']);
    expect(sessionOf(between).energyKWh?.toString()).toBe('1');
  });

  it('makes uncertain energy a warning: missing readings, no Begin or End reading, an unknown unit', () => {
    const one = only(withSamples([register201(1_000, 'Transaction.Begin')], []));
    expect(codes(one)).toEqual(['meter-readings-missing']);
    expect(sessionOf(one).energyKWh).toBeNull();
    const periodic = only(withSamples([register201(1_000)], [register201(2_000, 'Transaction.End')]));
    expect(codes(periodic)).toEqual(['meter-boundary-uncertain']);
    expect(sessionOf(periodic).energyKWh?.toString()).toBe('1');
    const varh = only(withSamples([register201(1_000, 'Transaction.Begin', { unitOfMeasure: { unit: 'varh' } })], [register201(2_000, 'Transaction.End')]));
    expect(codes(varh)).toEqual(['meter-unit-unknown']);
    expect(sessionOf(varh).energyKWh).toBeNull();
  });
});
