import { defineConfig } from 'vite';

// Bundles the benchmark (bench/run.ts plus the engine) into one Node module; `yaml` stays external.
export default defineConfig({
  build: {
    ssr: 'bench/run.ts',
    outDir: 'bench/out/dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'bench.mjs', format: 'es' } },
  },
});
