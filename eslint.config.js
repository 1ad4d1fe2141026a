// ESLint (flat config): typescript-eslint's strict rules for all our TypeScript, Astro's rules
// for components, jsx-a11y for the islands' markup (and Astro's templates), react-hooks for the
// islands' state. Formatting is Prettier's job, so no stylistic rules here.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Built output, local data, packages and generated files: not ours to lint.
    ignores: ['dist/', '.astro/', '.data/', '.data-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'supabase/.temp/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs['flat/recommended'],
  ...astro.configs['flat/jsx-a11y-recommended'],
  {
    // eslint-plugin-astro's a11y config above already registers the jsx-a11y plugin (the same
    // package) for every file, so only the rules and the JSX parser options are added here.
    files: ['**/*.tsx'],
    languageOptions: jsxA11y.flatConfigs.recommended.languageOptions,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A wide table scrolls inside a labelled region, which must take focus so that keyboard
      // users can scroll it (WCAG 2.1.1; axe's scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },
  {
    files: ['**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Islands load their data in an effect (there is no data library): `load()` sets a
      // "loading" state before it awaits, which this rule reports as a cascading render. That is
      // one extra render when a page opens, the price of showing progress at once.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // Node commands, the stand-in, tests and config files run in Node; src/ runs in the browser
    // (and at build time in Node, where Astro renders it).
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks an argument or binding kept on purpose (a handler's unused request, a rest sibling).
      // tsconfig's noUncheckedIndexedAccess types every `list[i]` and regex group as possibly
      // undefined; `!` is how this code says "in range by construction" (a bounded loop, a group
      // the pattern always captures). Spelling each of those ~450 as a runtime check adds noise,
      // not safety: the type checker already makes every unchecked access visible.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The Edge Functions run in Deno.
    files: ['supabase/functions/**/*.ts'],
    languageOptions: { globals: { Deno: 'readonly' } },
  },
);
