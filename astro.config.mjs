// @ts-check
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import remarkEasyRead from './src/lib/markdown/remark-easy-read.ts';
import remarkGlossaryLinks from './src/lib/markdown/remark-glossary-links.ts';
import { isListed } from './src/lib/unlisted-paths.ts';

// The public site is static HTML; React islands talk to Supabase from the browser.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  integrations: [react(), sitemap({ filter: isListed })],
  devToolbar: { enabled: false },
  markdown: { remarkPlugins: [remarkEasyRead, remarkGlossaryLinks] },
  vite: {
    // lightningcss refuses an old browser hack inside govuk-frontend's service navigation
    // ("min-width: 0\0"); esbuild minifies it as it is.
    build: { cssMinify: 'esbuild' },
    css: {
      preprocessorOptions: {
        // govuk-frontend's Sass is a dependency: its deprecation notices are not ours to fix.
        scss: { quietDeps: true },
      },
    },
  },
});
