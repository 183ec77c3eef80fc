import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { flagCode } from '../../glossary/glossary';
import { flagSvg } from '../../glossary/flags';

/** One file per flag the glossary uses, and no others. */
export async function getStaticPaths() {
  const codes = new Set((await getCollection('glossary')).map((g) => flagCode(g.data.flag)));
  return [...codes].filter((c) => c !== undefined).map((code) => ({ params: { code } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(flagSvg(params['code']!), { headers: { 'Content-Type': 'image/svg+xml' } });
