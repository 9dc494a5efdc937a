// charging-sessions/ocpi: OCPI 2.1.1, 2.2.1 and 2.3.0 CDRs, Sessions and Tokens, read the same way everywhere.

export { fromOcpiCdr } from './from-cdr.js';
export { fromOcpiSession } from './from-session.js';
export { fromOcpiToken, type OcpiTokenOptions } from './from-token.js';
export { tokenSelectorFromOcpi, type OcpiTokenSelectorOptions } from './token-selector.js';
export type { OcpiReadOptions } from './options.js';
export { OCPI_VERSIONS, detectOcpiVersion, type OcpiVersion, type OcpiObjectKind, type DetectedVersion } from './version.js';
export { OCPI_WARNING_CODES, type OcpiWarningCode, type OcpiWarning, type OcpiReadResult } from './warnings.js';
export { ocpiCdrSchemas, ocpiSessionSchemas, ocpiTokenSchemas } from './schemas.js';
export type { OcpiCdr211, OcpiCdr221, OcpiCdr230, OcpiSession211, OcpiSession221, OcpiSession230, OcpiToken211, OcpiToken221 } from './schemas.js';
