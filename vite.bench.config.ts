import { defineConfig } from 'vite';

// Bundles the benchmarks (bench/*.ts plus the engine) into Node modules; packages stay external.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'bench/out/dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { bench: 'bench/run.ts', 'ui-latency': 'bench/ui-latency.ts' },
      output: { entryFileNames: '[name].mjs', format: 'es' },
    },
  },
});
