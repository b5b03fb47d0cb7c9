// Lint of the dashboard's browser scripts (run by ScriptStyleTest and `npm run lint`).
import js from '@eslint/js';
import globals from 'globals';

const dashboard = 'src/main/resources/META-INF/resources/dashboard';

export default [
  js.configs.recommended,
  {
    files: [`${dashboard}/**/*.js`],
    languageOptions: {
      // Classic scripts that layout.html loads in order: uPlot's IIFE build, app.js, charts.js, then the page's own.
      sourceType: 'script',
      globals: { ...globals.browser, uPlot: 'readonly' },
    },
  },
  {
    // app.js defines Regtrack (and says so with an `exported` comment); the other scripts use it.
    files: [`${dashboard}/**/*.js`],
    ignores: [`${dashboard}/app.js`],
    languageOptions: { globals: { Regtrack: 'readonly' } },
  },
  {
    // charts.js defines Charts, loaded after app.js; the page scripts use it.
    files: [`${dashboard}/**/*.js`],
    ignores: [`${dashboard}/app.js`, `${dashboard}/charts.js`],
    languageOptions: { globals: { Charts: 'readonly' } },
  },
];
