// Wires the collections to their schemas; the schemas themselves live in src/schemas/.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { checkedGlob } from './loaders/checked-glob';
import { articleSchema } from './schemas/article';
import { glossarySchema } from './schemas/glossary';
import { sourceSchema } from './schemas/source';

const articles = defineCollection({
  // The glob loader, plus a build failure for any article that does not render.
  loader: checkedGlob({ pattern: '**/*.md', base: './content/articles' }),
  schema: articleSchema(reference),
});

const sources = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: './content/sources' }),
  schema: sourceSchema(reference),
});

const glossary = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: './content/glossary' }),
  schema: glossarySchema(),
});

export const collections = { articles, sources, glossary };
