import { defineConfig } from 'vite';

// Bundles the Node CLI (src/cli) into one ES module, so `npx cks-lab` starts fast and needs no TS runner.
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'cks-lab.mjs', format: 'es' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
