/**
 * Prettier: one formatting for every file type it knows. 140 columns because the islands' GOV.UK
 * class lists and JSX attributes read better on one line than wrapped at 80.
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 140,
  singleQuote: true,
  plugins: ['prettier-plugin-astro'],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
};
