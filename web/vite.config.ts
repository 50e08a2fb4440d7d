/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The built app is served by the Java server at `/` and calls `/api/...` on the same origin.
// `npm run dev` proxies `/api` to a locally running server (default port 8000).
const apiTarget = process.env.MEDFLOW_API ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Named vendor chunks: React + router + query load first; charts and the SQL editor
        // load with the pages that use them.
        codeSplitting: {
          groups: [
            // Higher priority first: a group also takes the dependencies of its modules unless an
            // earlier group has them, so React and friends must be claimed before the charts.
            { name: 'table', priority: 35, test: /node_modules[\\/]@tanstack[\\/](react-table|table-core)[\\/]/ },
            { name: 'vendor', priority: 40, test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](?:react-query|query-core)|cookie|set-cookie-parser)[\\/]/ },
            { name: 'charts', priority: 30, test: /node_modules[\\/](recharts|d3-|victory-vendor|@reduxjs|redux|reselect|immer|decimal\.js|eventemitter3|es-toolkit|react-redux|react-is|use-sync-external-store|clsx|tiny-invariant)/ },
            { name: 'editor', priority: 20, test: /node_modules[\\/](@codemirror|codemirror|@lezer|crelt|style-mod|w3c-keyname)/ },
            { name: 'highlight', priority: 10, test: /node_modules[\\/]highlight\.js/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    watch: false,
    pool: 'threads',
    maxWorkers: 2,
    // lazy pages load slowly on a loaded 2-core machine: generous limits, never a timing assertion
    testTimeout: 30_000,
  },
});
