/**
 * Site-wide settings and words, set once.
 */
export const SITE_NAME = 'Sourced';

/** What the site does, written once for the home page, the feeds, the footer and the preview image. */
const WHAT = 'who said each thing in a news article, through which outlet, and how well it holds up';
export const TAGLINE = `${WHAT.charAt(0).toUpperCase()}${WHAT.slice(1)}.`;
export const SITE_SUMMARY = `${SITE_NAME} shows ${WHAT}.`;
export const SITE_IMAGE_ALT = `${SITE_NAME}: ${WHAT}.`;

/** Where readers send corrections; set PUBLIC_CORRECTIONS_EMAIL when deploying. */
export const CORRECTIONS_EMAIL: string =
  (import.meta.env?.['PUBLIC_CORRECTIONS_EMAIL'] as string | undefined) ?? 'corrections@sourced.example';
