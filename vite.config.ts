import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// Shared links carry untrusted text: the built page allows no inline or foreign script at all. (Only the
// build gets it; the dev server injects inline scripts for hot reload.)
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'cks-lab-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
});

// The lab's web build. Everything it needs is bundled (Monaco, its workers, fonts): nothing loads from the
// internet at run time. Monaco and its workers load lazily, on the first editor mount.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 4096 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
