// The site's content collections. Each entry's web name is its file name. The schemas live in
// src/lib/content/schemas.ts so tests can check them without Astro.
// CONTENT_DIR points the build at another content folder (the build benchmark, bad fixtures).
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import * as schemas from './lib/content/schemas.ts';

const base = process.env.CONTENT_DIR ?? './src/content';
const markdown = (folder: string) => glob({ pattern: '**/*.md', base: `${base}/${folder}` });

export const collections = {
  projects: defineCollection({ loader: markdown('projects'), schema: schemas.project }),
  caseStudies: defineCollection({
    loader: markdown('case-studies'),
    schema: schemas.caseStudy.extend({
      relatedProjects: z
        .array(reference('projects'), {
          error: 'relatedProjects is missing: add the file name of at least one project, like [grants-panels]',
        })
        .min(1, 'relatedProjects is empty: add the file name of at least one project, like [grants-panels]'),
    }),
  }),
  festival: defineCollection({ loader: markdown('festival'), schema: schemas.festival }),
  pages: defineCollection({ loader: markdown('pages'), schema: schemas.page }),
  glossary: defineCollection({ loader: markdown('glossary'), schema: schemas.glossaryEntry }),
};
