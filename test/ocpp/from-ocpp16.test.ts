import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier';
import { fromOcpp16 } from '../../src/ocpp';
import {
  call,
  callError,
  codes,
  issueCodes,
  meterValues16,
  register16,
  result,
  sessionOf,
  start16,
  started16,
  stop16,
  stopped16,
  transaction16,
} from './logs';

const OPTIONS = { chargePointId: 'CP-42' };
const classifier = createClassifier({});
const reasons = (log: unknown[] | string, options: Record<string, unknown> = OPTIONS) =>
  classifier.classify(sessionOf(fromOcpp16(log, { ...OPTIONS, ...options })[0])).reasons.map((reason) => reason.code);

describe('fromOcpp16: assembly', () => {
  it('reads a transaction: start and its answer by message id, stop by transactionId', () => {
    const results = fromOcpp16(
      [
        start16('m1', 1_000, '2022-11-10T13:50:16Z', { connectorId: 2 }),
        started16('m1', 7, 'Accepted', { parentIdTag: 'acme-company-cars' }),
        call('hb', 'Heartbeat', {}),
        result('hb', { currentTime: '2022-11-10T14:00:00Z' }),
        stop16('m2', 7, 4_667, '2022-11-10T14:05:18Z', { reason: 'EVDisconnected', idTag: '04A23B5C' }),
        stopped16('m2'),
      ],
      { chargePointId: 'CP-42', locationId: 'home-42', operatorId: 'BE*MBF' },
    );
    expect(results).toHaveLength(1);
    const [read] = results;
    expect(read).toMatchObject({ success: true, transactionId: '7', messages: [0, 1, 4, 5], warnings: [] });
    const session = sessionOf(read);
    expect(session.id).toBe('CP-42:7');
    expect(session.energyKWh?.toString()).toBe('3.667');
    expect(session.startedAt.toISOString()).toBe('2022-11-10T13:50:16.000Z');
    expect(session.endedAt.toISOString()).toBe('2022-11-10T14:05:18.000Z');
    expect(session.token).toEqual({ uid: '04A23B5C', groupId: 'acme-company-cars', authorization: 'Accepted' });
    expect(session.chargePoint).toEqual({ id: 'CP-42', connectorId: '2', locationId: 'home-42', operatorId: 'BE*MBF' });
    expect(session.stopReason).toBe('EVDisconnected');
  });

  it('reads transactions interleaved on several connectors, MeterValues by transactionId', () => {
    const results = fromOcpp16([
      start16('a', 100, '2024-01-01T10:00:00Z', { connectorId: 1 }),
      start16('b', 5_000, '2024-01-01T10:01:00Z', { connectorId: 2, idTag: 'B1' }),
      started16('b', 12),
      started16('a', 11),
      meterValues16('c', 12, '2024-01-01T10:30:00Z', [register16('6000')], 2),
      meterValues16('d', 11, '2024-01-01T10:30:00Z', [register16('600')]),
      stop16('e', 11, 1_100, '2024-01-01T11:00:00Z'),
      stop16('f', 12, 7_000, '2024-01-01T11:01:00Z'),
    ], OPTIONS);
    expect(results.map((found) => [found.transactionId, found.messages, sessionOf(found).energyKWh?.toString(), sessionOf(found).chargePoint.connectorId])).toEqual([
      ['11', [0, 3, 5, 6], '1', '1'],
      ['12', [1, 2, 4, 7], '2', '2'],
    ]);
    expect(results.flatMap(codes)).toEqual([]);
  });

  it('pairs a stop with the only open start when the log lacks the answer, with a warning', () => {
    const [read] = fromOcpp16([start16('a', 0, '2022-07-26T21:34:10Z'), stop16('b', 10001, 3_000, '2022-07-26T22:34:12Z')], OPTIONS);
    expect(read?.transactionId).toBe('10001');
    expect(codes(read!)).toEqual(['paired-without-answer', 'authorization-unknown', 'meter-starts-at-zero']);
    expect(sessionOf(read).energyKWh?.toString()).toBe('3');
  });

  it('guesses nothing when several starts are open without their answer', () => {
    const results = fromOcpp16([
      start16('a', 0, '2024-01-01T10:00:00Z', { connectorId: 1 }),
      start16('b', 0, '2024-01-01T10:01:00Z', { connectorId: 2 }),
      stop16('c', 5, 1_000, '2024-01-01T11:00:00Z'),
    ], OPTIONS);
    expect(results.map((found) => [found.success, found.transactionId, issueCodes(found)])).toEqual([
      [false, null, ['transaction-not-ended']],
      [false, null, ['transaction-not-ended']],
      [false, '5', ['stop-ambiguous']],
    ]);
    expect(results[2]!.error!.issues[0]!.path).toEqual([2, 3]);
  });

  it('keeps transactionIds 0 and -1 as distinct transactions, never merged', () => {
    const results = fromOcpp16([
      ...transaction16('x', 0, 100, 1_100, '2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z', 1),
      ...transaction16('y', -1, 200, 2_200, '2024-01-01T10:05:00Z', '2024-01-01T11:05:00Z', 2),
      ...transaction16('z', 0, 1_100, 1_600, '2024-01-01T12:00:00Z', '2024-01-01T13:00:00Z', 1),
    ], OPTIONS);
    expect(results.map((found) => [found.transactionId, sessionOf(found).energyKWh?.toString()])).toEqual([
      ['0', '1'],
      ['-1', '2'],
      ['0', '0.5'],
    ]);
  });

  it('refuses to pair a stop that two open transactions with the same id could own', () => {
    const results = fromOcpp16([
      start16('a', 0, '2024-01-01T10:00:00Z', { connectorId: 1 }),
      started16('a', 0),
      start16('b', 0, '2024-01-01T10:01:00Z', { connectorId: 2 }),
      started16('b', 0),
      stop16('c', 0, 1_000, '2024-01-01T11:00:00Z'),
    ], OPTIONS);
    expect(results.map(issueCodes)).toEqual([['transaction-not-ended'], ['transaction-not-ended'], ['stop-ambiguous']]);
  });

  it('reads transactionIds beyond the safe integers exactly from text, and keeps neighbours apart', () => {
    const text = [
      ...transaction16('x', 1, 100, 1_100, '2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z', 1),
      ...transaction16('y', 2, 200, 2_200, '2024-01-01T10:05:00Z', '2024-01-01T11:05:00Z', 2),
    ]
      .map((frame) => JSON.stringify(frame))
      .join('\n')
      .replaceAll('"transactionId":1', '"transactionId":9223372036854775807')
      .replaceAll('"transactionId":2', '"transactionId":9223372036854775806');
    const results = fromOcpp16(text, OPTIONS);
    expect(results.map((found) => [found.transactionId, sessionOf(found).id, found.warnings])).toEqual([
      ['9223372036854775807', 'CP-42:9223372036854775807', []],
      ['9223372036854775806', 'CP-42:9223372036854775806', []],
    ]);
    // The same log as a JSON array, in text, reads the same.
    expect(fromOcpp16(`[${text.split('\n').join(',\n')}]`, OPTIONS).map((found) => found.transactionId)).toEqual(['9223372036854775807', '9223372036854775806']);
  });

  it('warns when an already parsed log holds a transactionId beyond the safe integers', () => {
    const [read] = fromOcpp16(transaction16('x', 2 ** 63, 100, 1_100, '2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z'), OPTIONS);
    expect(read?.transactionId).toBe('9223372036854775808');
    expect(codes(read!)).toEqual(['transaction-id-imprecise', 'transaction-id-imprecise']);
  });

  it('reports a stop without a start, a start without a stop, and answers whose call is missing', () => {
    const results = fromOcpp16([
      stop16('a', 387801, 2_310, '2023-03-28T04:47:37Z'),
      result('zz', { idTagInfo: { status: 'Accepted' } }),
      callError('yy', 'InternalError', 'oops'),
      start16('b', 10, '2023-03-28T05:00:00Z'),
      started16('b', 387802),
    ], OPTIONS);
    expect(results.map((found) => [found.success, found.transactionId, found.messages, issueCodes(found)])).toEqual([
      [false, '387801', [0], ['transaction-not-started']],
      [false, null, [1], ['answer-without-call']],
      [false, null, [2], ['answer-without-call']],
      [false, '387802', [3, 4], ['transaction-not-ended']],
    ]);
  });

  it('reports a CALLERROR answering the stop as a warning of its transaction', () => {
    const [read] = fromOcpp16([
      start16('a', 0, '2026-02-09T09:57:00Z'),
      started16('a', 0, 'Invalid'),
      stop16('b', 0, 0, '2026-02-09T09:57:01Z', { reason: 'DeAuthorized' }),
      callError('b', 'RpcFrameworkError', 'Call already in progress'),
    ], OPTIONS);
    expect(read?.messages).toEqual([0, 1, 2, 3]);
    expect(read?.warnings).toEqual([
      { code: 'call-error', message: 'the backend answered the StopTransaction with a CALLERROR (RpcFrameworkError: Call already in progress)', path: [3] },
    ]);
    expect(sessionOf(read).token.authorization).toBe('Invalid');
  });

  it('reports unreadable messages and lines, and messages of the other version', () => {
    const text = [JSON.stringify(start16('a', 0, '2024-01-01T10:00:00Z')), '{not json', '', JSON.stringify({ hello: 1 }), JSON.stringify(call('t', 'TransactionEvent', {}))].join('\n');
    expect(fromOcpp16(text, OPTIONS).map((found) => [found.messages, issueCodes(found)])).toEqual([
      [[0], ['transaction-not-ended']],
      [[1], ['message-unreadable']],
      [[3], ['message-unreadable']],
      [[4], ['wrong-version']],
    ]);
    expect(fromOcpp16(5 as never, OPTIONS).map(issueCodes)).toEqual([['message-unreadable']]);
  });

  it('reads { action, payload, response } objects', () => {
    const [read] = fromOcpp16([
      { action: 'StartTransaction', payload: { connectorId: 1, idTag: '04A23B5C', meterStart: 579130, timestamp: '2022-03-31T12:48:56Z' }, response: { transactionId: 123885164, idTagInfo: { status: 'Accepted' } } },
      { action: 'MeterValues', payload: { connectorId: 1, transactionId: 123885164, meterValue: [{ timestamp: '2022-03-31T13:47:30Z', sampledValue: [{ value: '589570' }] }] } },
      { action: 'StopTransaction', payload: { transactionId: 123885164, timestamp: '2022-03-31T13:49:31Z', meterStop: 589950, reason: 'Local' } },
    ], OPTIONS);
    expect(read).toMatchObject({ success: true, transactionId: '123885164', messages: [0, 1, 2], warnings: [] });
    expect(sessionOf(read).energyKWh?.toString()).toBe('10.82');
  });

  it('refuses a transaction whose messages are not what the specification gives, with their paths', () => {
    const [read] = fromOcpp16([start16('a', 'lots', '2024-01-01T10:00:00Z'), started16('a', 3), stop16('b', 3, 100, '2024-01-01T11:00:00Z', { reason: 'Tired' })], OPTIONS);
    expect(read?.success).toBe(false);
    expect(read?.error?.issues.map((found) => [found.path, (found as { params?: { code?: string } }).params?.code])).toEqual([
      [[0, 3, 'meterStart'], 'payload-invalid'],
      [[2, 3, 'reason'], 'payload-invalid'],
    ]);
  });

  it('throws a ConfigError for unusable options, before reading', () => {
    expect(() => fromOcpp16([], {} as never)).toThrow(/chargePointId: the charge point id is missing/);
    expect(() => fromOcpp16([], { chargePointId: 'CP', timeZone: 'Mars/Olympus' })).toThrow(expect.objectContaining({ name: 'ConfigError' }));
  });
});

describe('fromOcpp16: energy and meter anomalies', () => {
  const log = (meterStart: number | string, meterStop: number | string, extra: unknown[] = [], stopExtra: Record<string, unknown> = {}) => [
    start16('a', meterStart, '2024-01-01T10:00:00Z'),
    started16('a', 1),
    ...extra,
    stop16('b', 1, meterStop, '2024-01-01T11:00:00Z', stopExtra),
  ];

  it('reads energy as (meterStop - meterStart) / 1000 kWh, exactly', () => {
    expect(sessionOf(fromOcpp16(log(27_615_218, 27_715_695), OPTIONS)[0]).energyKWh?.toString()).toBe('100.477');
  });

  it('reports a register that decreases; the rules judge the negative energy', () => {
    const [read] = fromOcpp16(log(8_016, 7_016), OPTIONS);
    expect(read?.warnings).toEqual([
      { code: 'meter-decreased', message: expect.stringContaining('from 8016 Wh to 7016 Wh'), path: [2, 3, 'meterStop'] },
    ]);
    expect(sessionOf(read).energyKWh?.toString()).toBe('-1');
    expect(reasons(log(8_016, 7_016))).toEqual(['energy-out-of-range']);
  });

  it('reads a -1 sentinel as no reading, never as energy', () => {
    const [read] = fromOcpp16(log(1_000, -1), OPTIONS);
    expect(codes(read!)).toEqual(['meter-sentinel']);
    expect(sessionOf(read).energyKWh).toBeNull();
    expect(reasons(log(1_000, -1))).toEqual(['energy-missing']);
  });

  it('reports transactionData that contradicts meterStop, and keeps meterStop', () => {
    const data = [
      { timestamp: '2024-01-01T10:00:00Z', sampledValue: [register16('1644', { context: 'Transaction.Begin', unit: 'Wh' })] },
      { timestamp: '2024-01-01T11:00:01Z', sampledValue: [register16('2421', { context: 'Transaction.End', unit: 'Wh' })] },
    ];
    const [read] = fromOcpp16(log(1_644, 2_310, [], { transactionData: data }), OPTIONS);
    expect(codes(read!)).toEqual(['meter-decreased', 'meter-readings-contradict']);
    expect(read!.warnings[1]).toEqual({
      code: 'meter-readings-contradict',
      message: 'the Transaction.End reading of 2421 Wh contradicts meterStop 2310 Wh; the energy is read from meterStart and meterStop',
      path: [2, 3, 'transactionData', 1, 'sampledValue', 0],
    });
    expect(sessionOf(read).energyKWh?.toString()).toBe('0.666');
  });

  it('checks only the outlet register: an inlet series in kWh and other measurands are ignored', () => {
    const samples = [
      register16('27615218', { location: 'Outlet', unit: 'Wh', context: 'Transaction.Begin' }),
      register16('27615.3', { location: 'Inlet', unit: 'kWh', context: 'Transaction.Begin' }),
      { value: '272', measurand: 'Power.Active.Import', unit: 'W' },
      register16('9', { phase: 'L1' }),
    ];
    const [read] = fromOcpp16(log(27_615_218, 27_715_695, [meterValues16('m', 1, '2024-01-01T10:00:00Z', samples)]), OPTIONS);
    expect(read?.warnings).toEqual([]);
    expect(read?.messages).toEqual([0, 1, 2, 3]);
  });

  it('checks a kWh reading in Wh, and reports one it cannot read', () => {
    const good = fromOcpp16(log(1_000, 3_000, [meterValues16('m', 1, '2024-01-01T10:30:00Z', [register16('2.5', { unit: 'kWh' })])]), OPTIONS)[0];
    expect(good?.warnings).toEqual([]);
    const odd = fromOcpp16(log(1_000, 3_000, [meterValues16('m', 1, '2024-01-01T10:30:00Z', [register16('2.5', { unit: 'varh' })])]), OPTIONS)[0];
    expect(codes(odd!)).toEqual(['meter-unit-unknown']);
    expect(sessionOf(odd).energyKWh?.toString()).toBe('2');
  });

  it('reports a register that starts at 0', () => {
    expect(codes(fromOcpp16(log(0, 910_083), OPTIONS)[0]!)).toEqual(['meter-starts-at-zero']);
  });

  it('reports a stop before the start; the rules judge it', () => {
    const stopFirst = [start16('a', 8_016, '2022-12-06T20:28:00.000Z'), started16('a', 1), stop16('b', 1, 8_016, '2022-12-06T20:17:05.000Z')];
    expect(codes(fromOcpp16(stopFirst, OPTIONS)[0]!)).toEqual(['stop-before-start']);
    expect(reasons(stopFirst)).toEqual(['end-before-start']);
  });
});

describe('fromOcpp16: tokens, authorisation and stop reasons', () => {
  const log = (status: string | null, stopExtra: Record<string, unknown> = {}, idTag = '04A23B5C') => [
    start16('a', 1_000, '2024-01-01T10:00:00Z', { idTag }),
    ...(status === null ? [] : [started16('a', 1, status)]),
    stop16('b', 1, 5_000, '2024-01-01T11:00:00Z', stopExtra),
  ];

  it('takes the authorisation from StartTransaction.conf', () => {
    expect(reasons(log('Accepted'))).toEqual(['public']);
    expect(reasons(log('Blocked'))).toEqual(['token-rejected']);
  });

  it('makes the default explicit when the log holds no answer: Unknown (rejected), or the configured status', () => {
    const [read] = fromOcpp16(log(null), OPTIONS);
    expect(sessionOf(read).token.authorization).toBe('Unknown');
    expect(read?.warnings.find((warning) => warning.code === 'authorization-unknown')?.message).toBe(
      "the log holds no answer to the StartTransaction; the token's authorisation is taken as Unknown (option authorizationWithoutAnswer)",
    );
    expect(reasons(log(null))).toEqual(['token-rejected']);
    expect(sessionOf(fromOcpp16(log(null), { ...OPTIONS, authorizationWithoutAnswer: 'Accepted' })[0]).token.authorization).toBe('Accepted');
  });

  it('carries the stop reason; absent means Local (the specification)', () => {
    expect(sessionOf(fromOcpp16(log('Accepted', { reason: 'EmergencyStop' }), OPTIONS)[0]).stopReason).toBe('EmergencyStop');
    expect(sessionOf(fromOcpp16(log('Accepted'), OPTIONS)[0]).stopReason).toBe('Local');
  });

  it('treats DeAuthorized as a rejected token, and the optional rule lists invalid stop reasons', () => {
    expect(reasons(log('Accepted', { reason: 'DeAuthorized' }))).toEqual(['token-rejected']);
    const strict = createClassifier({ validity: { invalidStopReasons: ['EmergencyStop'] } });
    const session = sessionOf(fromOcpp16(log('Accepted', { reason: 'EmergencyStop' }), OPTIONS)[0]);
    expect(strict.classify(session).reasons.map((reason) => reason.code)).toEqual(['stop-reason-invalid']);
  });

  it('reports an idTag with spaces around it and a stop with another idTag', () => {
    const [read] = fromOcpp16(log('Accepted', { idTag: '0482A0E28A9999' }, ' F6 CA 0C C5'), OPTIONS);
    expect(read?.warnings.map((warning) => [warning.code, warning.path])).toEqual([
      ['id-tag-whitespace', [0, 3, 'idTag']],
      ['stop-token-differs', [2, 3, 'idTag']],
    ]);
    expect(sessionOf(read).token.uid).toBe('F6 CA 0C C5');
    expect(fromOcpp16(log('Accepted', { idTag: '04a23b5c' }), OPTIONS)[0]?.warnings).toEqual([]);
  });
});
