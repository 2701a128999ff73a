// What both UIs load before anything of their own: Mantine's styles, then the shared global
// touches (an app's own styles.css comes after, so it may refine them).
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders a UI's root component into the page's #root, as the app's window and the console both do. */
export function mount(App: ComponentType): void {
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}
