import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The app lives in web/ but imports the contract from ../shared through the package.json subpath
// import `#shared/*`, which Vite resolves like Node does. The dev server forwards /api to the local
// runtime (`npx tsx local/start.ts`, port 3000), so the browser sees one origin as it does when deployed.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            // Only the forms use the combobox: its library loads with them, not with the first page.
            {
              name: 'downshift',
              test: /node_modules[\\/](downshift|compute-scroll-into-view|prop-types|react-is)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
