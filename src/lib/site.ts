/**
 * Site-wide settings a deployment may change, read once.
 */
/** Where readers send corrections; set PUBLIC_CORRECTIONS_EMAIL when deploying. */
export const CORRECTIONS_EMAIL: string =
  (import.meta.env?.['PUBLIC_CORRECTIONS_EMAIL'] as string | undefined) ?? 'corrections@sourced.example';
