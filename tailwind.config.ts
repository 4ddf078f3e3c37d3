import type { Config } from 'tailwindcss';

// Tailwind 4 reads this file through the `@config` directive in app/globals.css.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#f5f7f4',
          100: '#e6ece3',
          200: '#c9d7c2',
          500: '#4f7a43',
          600: '#3f6436',
          700: '#324f2c',
          900: '#1c2b19',
        },
        ink: {
          DEFAULT: '#1f2421',
          muted: '#59615c',
        },
        sand: '#faf8f3',
        amazon: '#ffd814',
      },
      fontFamily: {
        sans: ['ui-sans-serif', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
        serif: ['ui-serif', 'Georgia', 'Cambria', 'Times New Roman', 'serif'],
      },
      maxWidth: {
        shop: '72rem',
      },
    },
  },
};

export default config;
