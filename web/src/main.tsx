import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { loadRuntimeConfig } from './config/runtime-config.ts';
import { signInMethod } from './features/auth/api/sign-in-method.ts';
import { getSession } from './lib/session.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render the app into');

try {
  // The deployment's settings (API address, sign-in method) come first: nothing works without them.
  await loadRuntimeConfig();
  const method = signInMethod();
  if (method.kind === 'hosted' && getSession()) void method.resume();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} catch (error) {
  // Before the app (and its translations) exist: a plain message for the person, the detail for operators.
  console.error(error);
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent =
    'The ILO Network Platform cannot start: its configuration could not be read. Please try again later or tell your administrator. / La plateforme ne peut pas démarrer : sa configuration est illisible. Réessayez plus tard ou prévenez votre administrateur.';
  root.replaceChildren(message);
}
