/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API and the hub to a running stack (the AppHost's public URL by default).
const api = process.env.DATING_API_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/api': api,
      '/hubs': { target: api, ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // A test may wait up to 15 s for one condition (src/test/setup.ts) and waits for several in a row, so its own
    // limit is longer: dotnet test runs this suite while whole stacks start on the same two cores.
    testTimeout: 60_000,
  },
});
