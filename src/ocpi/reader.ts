import * as z from 'zod';
import { formatPath } from '../errors.js';
import { decimalSchema } from '../model/decimal.js';
import { describe } from '../model/messages.js';
import type { ReadResult } from '../model/read-result.js';
import { detectOcpiVersion, isRecord, versionConflicts, type OcpiObjectKind, type OcpiVersion } from './version.js';
import type { OcpiWarning, OcpiWarningCode } from './warnings.js';

/** A path into an OCPI object, as in a zod issue. */
export type OcpiPath = readonly (string | number)[];

/** What the adapters call an object of each kind in messages. */
const KIND_NAMES: Record<OcpiObjectKind, string> = { cdr: 'CDR', session: 'Session', token: 'Token' };

/** An offset other than UTC at the end of a timestamp, e.g. "+01:00". */
const OFFSET = /T[\d:.,]+([+-])(\d{2}):?(\d{2})?$/i;

/**
 * Reads one OCPI object: takes its fields (null counts as absent), records
 * which OCPI field each model field came from, so that the model's issues
 * point into the OCPI object, and collects warnings.
 */
export class OcpiReader {
  readonly warnings: OcpiWarning[] = [];
  private readonly issues: z.core.$ZodIssue[] = [];
  private readonly sources = new Map<string, OcpiPath>();

  constructor(
    readonly root: Readonly<Record<string, unknown>>,
    readonly kind: OcpiObjectKind,
  ) {}

  /** The object's OCPI version: `given`, else the one its shape shows; a doubt is a warning. */
  version(given: OcpiVersion | undefined): OcpiVersion {
    const name = KIND_NAMES[this.kind];
    if (given !== undefined) {
      if (versionConflicts(given, this.root, this.kind)) {
        const shown = detectOcpiVersion(this.root, this.kind).version;
        this.warn('version-mismatch', `read as OCPI ${given} as asked, but this ${name}'s fields are those of OCPI ${shown}`);
      }
      return given;
    }
    const detected = detectOcpiVersion(this.root, this.kind);
    if (!detected.certain) {
      this.warn('version-assumed', `this ${name}'s fields name no single OCPI version; read as OCPI ${detected.version} (pass { version } to say which)`);
    }
    return detected.version;
  }

  /** The value at `path`; `null` counts as absent unless `keepNull`. */
  at(path: OcpiPath, keepNull = false): unknown {
    let value: unknown = this.root;
    for (const key of path) {
      if (typeof key === 'number') value = Array.isArray(value) ? value[key] : undefined;
      else value = isRecord(value) ? value[key] : undefined;
    }
    return value === null && !keepNull ? undefined : value;
  }

  /** The value at `path`, recorded as the source of the model field `field` (dotted, e.g. "token.uid"). */
  take(field: string, path: OcpiPath, keepNull = false): unknown {
    this.source(field, path);
    return this.at(path, keepNull);
  }

  /** Records `path` as the source of the model field `field`. */
  source(field: string, path: OcpiPath): void {
    this.sources.set(field, path);
  }

  /** Like {@link take}, for a number: a number written as a string is read, with a warning. */
  number(field: string, path: OcpiPath, keepNull = false): unknown {
    const value = this.take(field, path, keepNull);
    this.checkNumber(value, path);
    return value;
  }

  /** Like {@link take}, for a timestamp: one with an offset other than UTC is read, with a warning. */
  timestamp(field: string, path: OcpiPath): unknown {
    const value = this.take(field, path);
    this.checkTimestamp(value, path);
    return value;
  }

  checkNumber(value: unknown, path: OcpiPath): void {
    if (typeof value === 'string') {
      this.warn('number-as-string', `${formatPath(path)} is the string ${describe(value)}; OCPI writes numbers as JSON numbers (read as the number it writes)`, path);
    }
  }

  checkTimestamp(value: unknown, path: OcpiPath): void {
    const offset = typeof value === 'string' ? OFFSET.exec(value.trim()) : null;
    if (offset && (Number(offset[2]) !== 0 || Number(offset[3] ?? 0) !== 0)) {
      this.warn('timestamp-not-utc', `${formatPath(path)} is ${describe(value)}: OCPI timestamps are in UTC (read as the instant it names)`, path);
    }
  }

  /** The decimal a number field holds, or `null` when it holds none. */
  decimal(value: unknown) {
    const parsed = decimalSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  }

  warn(code: OcpiWarningCode, message: string, path?: OcpiPath): void {
    this.warnings.push(path === undefined ? { code, message } : { code, message, path });
  }

  /** Adds an issue found in the OCPI object itself. */
  issue(path: OcpiPath, message: string, input?: unknown): void {
    this.issues.push({ code: 'custom', path: [...path], message, input });
  }

  /** The result: `data`, unless an issue was found in the object or the model (with paths made OCPI's). */
  result<T>(model: { success: true; data: T } | { success: false; error: z.core.$ZodError }): ReadResult<T, OcpiWarningCode> {
    const issues = [...this.issues, ...(model.success ? [] : model.error.issues.map((issue) => ({ ...issue, path: this.pathOf(issue.path) })))];
    if (model.success && issues.length === 0) return { success: true, data: model.data, warnings: this.warnings };
    return { success: false, error: new z.ZodError(issues), warnings: this.warnings };
  }

  /** A refusal with the issues found in the object itself. */
  refusal<T>(): ReadResult<T, OcpiWarningCode> {
    return { success: false, error: new z.ZodError([...this.issues]), warnings: this.warnings };
  }

  /** The OCPI path a model path came from: that of its longest recorded prefix. */
  private pathOf(path: readonly PropertyKey[]): (string | number)[] {
    for (let length = path.length; length > 0; length -= 1) {
      const source = this.sources.get(path.slice(0, length).join('.'));
      if (source) return [...source];
    }
    return path.filter((key): key is string | number => typeof key !== 'symbol');
  }
}

/** A failed read of something that is not an object. */
export function notAnObject<T>(input: unknown, kind: OcpiObjectKind): ReadResult<T, OcpiWarningCode> {
  const message = `expected an OCPI ${KIND_NAMES[kind]} as an object, received ${describe(input)}`;
  return { success: false, error: new z.ZodError([{ code: 'custom', path: [], message, input }]), warnings: [] };
}

/** `object` without its undefined fields, so that what the adapters build reads like hand-written JSON. */
export function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** "a, b and c". */
export function listed(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
