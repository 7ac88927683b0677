import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The lab's web build. Everything it needs is bundled (Monaco, its workers, fonts): nothing loads from the
// internet at run time. Monaco and its workers load lazily, on the first editor mount.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 4096 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
