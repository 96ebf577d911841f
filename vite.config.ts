import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Utrecht component library marks its components pure but then assigns `X.displayName = '…'`
 * at the top level, which counts as a side effect and keeps all ~100 components in the bundle.
 * Dropping those assignments (only used by React DevTools), and marking the `forwardRef` calls of the
 * per-component packages pure, lets unused components be tree-shaken.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'rondom:utrecht-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /@utrecht[\\/][a-z-]+-react[\\/]dist[\\/].*\.mjs$/ },
      handler(code) {
        const out = code
          .replace(/^[A-Za-z_$][\w$]*\.displayName = ['"][\w$.]+['"];$/gm, '')
          .replace(/^(const|var|let) ([A-Za-z_$][\w$]*) = forwardRef\(/gm, '$1 $2 = /*#__PURE__*/ forwardRef(');
        return out === code ? null : { code: out, map: null };
      },
    },
  };
}

/**
 * The web front-end: index.html at the repository root, entry src/web/main.tsx, built into
 * dist/web, which the server serves with a fallback to index.html for client-side routes.
 */
export default defineConfig({
  root: '.',
  publicDir: false,
  plugins: [react(), utrechtTreeShaking()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // the framework every page needs, in one long-cached chunk with a name that says what it is
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack|@utrecht|clsx|@babel[\\/]runtime)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      '/healthz': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
