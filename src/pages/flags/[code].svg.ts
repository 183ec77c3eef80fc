import { glossaryEntries } from '../../collections/routes';
import type { APIRoute } from 'astro';
import { flagCode } from '../../glossary/glossary';
import { flagSvg } from '../../glossary/flags';

/** One file per flag the glossary uses, and no others. */
export async function getStaticPaths() {
  const codes = new Set((await glossaryEntries()).map((g) => flagCode(g.data.flag)));
  return [...codes].filter((c) => c !== undefined).map((code) => ({ params: { code } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(flagSvg(params['code']!), { headers: { 'Content-Type': 'image/svg+xml' } });
