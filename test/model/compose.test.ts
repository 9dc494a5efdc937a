import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { classifierConfigSchema } from '../../src/classify/config';
import { licenceSchema } from '../../src/matchers/licence';
import { decimalSchema } from '../../src/model/decimal';
import { parseSession, sessionSchema } from '../../src/model/session';
import { sampleConfig, sampleSessions } from '../../src/sample';

/** A user's own schema, written with classic zod 4, around the library's. */
const envelopeSchema = z.object({
  session: sessionSchema,
  receivedAt: z.iso.datetime(),
  note: z.string().optional(),
});

describe("the exported schemas inside a user's zod 4 schema", () => {
  it('parses: the library schema reads its part, the user schema the rest', () => {
    const read = envelopeSchema.parse({ session: sampleSessions[0], receivedAt: '2022-11-10T15:00:00Z' });
    expect(read.session.energyKWh?.toString()).toBe('3.667');
    expect(read.session.startedAt).toBeInstanceOf(Date);
    expect(read.session.token.authorization).toBe('Accepted');
    expect(read.receivedAt).toBe('2022-11-10T15:00:00Z');
  });

  it("reports the library's issues with their full path, next to the user's own", () => {
    const read = envelopeSchema.safeParse({ session: { ...sampleSessions[0], energyKWh: 'lots' }, receivedAt: 'yesterday' });
    expect(read.success).toBe(false);
    expect(read.error?.issues.map(({ path }) => path)).toEqual([['session', 'energyKWh'], ['receivedAt']]);
    expect(read.error?.issues[0]?.message).toBe('expected a finite decimal number such as "3.667", received "lots"');
    expect(read.error).toBeInstanceOf(z.ZodError);
  });

  it("takes classic zod's wrappers and checks around the library's schemas", () => {
    const limited = z.array(sessionSchema).max(1);
    expect(limited.safeParse(sampleSessions.slice(0, 2)).success).toBe(false);
    expect(limited.parse(sampleSessions.slice(0, 1))).toHaveLength(1);
    const positive = z.optional(decimalSchema).refine((value) => value === undefined || value.isPositive(), { message: 'must be positive' });
    expect(positive.safeParse('-1').error?.issues[0]?.message).toBe('must be positive');
    expect(positive.parse(undefined)).toBeUndefined();
    const portal = z.object({ config: classifierConfigSchema, licences: z.array(licenceSchema) });
    const read = portal.parse({ config: sampleConfig, licences: sampleConfig.licences });
    expect(read.config.precedence).toEqual(['split-billing', 'whitelist']);
    expect(read.licences).toHaveLength(sampleConfig.licences.length);
  });

  it("gives parse failures as zod's core error, which classic zod's error helpers read", () => {
    const read = parseSession({ ...sampleSessions[0], energyKWh: 'lots', token: undefined });
    expect(read.success).toBe(false);
    const error = read.error!;
    expect(error).toBeInstanceOf(z.core.$ZodError);
    expect(error).toBeInstanceOf(Error);
    expect(error.issues.map(({ path }) => path)).toEqual([['energyKWh'], ['token']]);
    expect(JSON.parse(error.message)).toEqual(JSON.parse(JSON.stringify(error.issues)));
    expect(z.flattenError(error).fieldErrors).toEqual({ energyKWh: ['expected a finite decimal number such as "3.667", received "lots"'], token: ['the token is missing'] });
    expect(z.treeifyError(error)).toMatchObject({ properties: { energyKWh: { errors: [error.issues[0]!.message] } } });
    expect(z.prettifyError(error)).toContain('→ at energyKWh');
    const wrapped = envelopeSchema.safeParse({ session: { ...sampleSessions[0], energyKWh: 'lots' }, receivedAt: '2022-11-10T15:00:00Z' });
    expect(wrapped.error?.issues).toEqual([{ ...error.issues[0], path: ['session', 'energyKWh'] }]);
  });
});
