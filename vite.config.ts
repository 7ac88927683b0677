import { defineConfig } from 'vite';

// The lab's web build. Everything it needs is bundled: nothing loads from the internet at run time.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', sourcemap: true },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
