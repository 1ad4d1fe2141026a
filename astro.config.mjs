// @ts-check
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import preloadIslands from './src/lib/build/preload-islands.ts';
import remarkEasyRead from './src/lib/markdown/remark-easy-read.ts';
import remarkGlossaryLinks from './src/lib/markdown/remark-glossary-links.ts';
import { isListed } from './src/lib/unlisted-paths.ts';

// The modules of the API client and the session (src/lib/api-call.ts and what it stands on).
// What public pages' fetch-only calls share with the client (src/lib/public-rpc.ts): the wrappers'
// registry and what a failed call means. Their own group, or the client's group would take them
// in as its dependencies and bring the whole client to those pages.
const API_SHARED = /[\\/]src[\\/]lib[\\/](api-problem|refusals[\\/]shared|api[\\/]registry)\.ts$/;

const API_CLIENT =
  /[\\/]src[\\/](lib[\\/](api-call|api-rest|supabase-rest|supabase-settings|auth[\\/](session-token|stored-session|next-path)|api[\\/]define|grants[\\/]local-drafts)|islands[\\/]ui[\\/]useSignedIn)\.ts$/;

// The public site is static HTML; React islands talk to Supabase from the browser.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  integrations: [react(), sitemap({ filter: isListed }), preloadIslands()],
  devToolbar: { enabled: false },
  markdown: { remarkPlugins: [remarkEasyRead, remarkGlossaryLinks] },
  vite: {
    build: {
      // lightningcss refuses an old browser hack inside govuk-frontend's service navigation
      // ("min-width: 0\0"); esbuild minifies it as it is.
      cssMinify: 'esbuild',
      rolldownOptions: {
        output: {
          // The API client and session code every island that calls the API needs, as one module
          // instead of a dozen: each module is a request (a round trip on a slow mobile
          // connection) and is compressed on its own: apart they cost the ballot page 1 kB more.
          // (React's core, which they import, comes into the same module.)
          codeSplitting: {
            groups: [
              { name: 'api-shared', test: API_SHARED, priority: 2 },
              { name: 'api-client', test: API_CLIENT, priority: 1 },
            ],
          },
        },
      },
    },
    css: {
      preprocessorOptions: {
        // govuk-frontend's Sass is a dependency: its deprecation notices are not ours to fix.
        scss: { quietDeps: true },
      },
    },
  },
});
