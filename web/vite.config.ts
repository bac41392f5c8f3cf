import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'

// The city the dev server talks to (`npm run dev:web`): /graphql and /auth are proxied there.
const city = process.env.CITY_URL ?? 'http://127.0.0.1:4000'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Every asset a file of its own: the Content-Security-Policy allows no data: fonts or inline code.
    assetsInlineLimit: 0,
    // Browsers of the last years load modules natively; no polyfill snippet in the page.
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/graphql': { target: city, changeOrigin: true },
      '/auth/config': { target: city, changeOrigin: true },
      '/auth/dev-token': { target: city, changeOrigin: true },
    },
  },
  preview: { host: '127.0.0.1' },
})
