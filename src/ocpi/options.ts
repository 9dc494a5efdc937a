import { ConfigError, type ConfigIssue } from '../errors.js';
import { describe } from '../model/messages.js';
import type { Token } from '../model/token.js';
import { OCPI_VERSIONS, type OcpiVersion } from './version.js';

/** Options of {@link fromOcpiCdr} and {@link fromOcpiSession}. */
export interface OcpiReadOptions {
  /** The OCPI version the object is written in; without it, the version its shape shows. */
  readonly version?: OcpiVersion;
  /**
   * The user a session belongs to, from its token (OCPI CDRs and Sessions
   * name no user): e.g. a look-up in the backend's own card register.
   * `undefined` leaves the session without a user.
   */
  readonly userIdFor?: (token: Token, source: Readonly<Record<string, unknown>>) => string | undefined;
}

/**
 * Checks the options before any object is read.
 *
 * @throws {ConfigError} listing every bad option, with its path.
 */
export function checkReadOptions(options: unknown, extra: (options: Record<string, unknown>) => ConfigIssue[] = () => []): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError([{ path: [], message: `expected the options as an object, received ${describe(options)}` }]);
  }
  const given = options as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  const { version, userIdFor } = given;
  if (version !== undefined && !(OCPI_VERSIONS as readonly unknown[]).includes(version)) {
    issues.push({ path: ['version'], message: `unknown OCPI version ${describe(version)}; expected one of ${OCPI_VERSIONS.join(', ')}` });
  }
  if (userIdFor !== undefined && typeof userIdFor !== 'function') {
    issues.push({ path: ['userIdFor'], message: `expected userIdFor as a function from a token to a user id, received ${describe(userIdFor)}` });
  }
  issues.push(...extra(given));
  if (issues.length > 0) throw new ConfigError(issues);
}
