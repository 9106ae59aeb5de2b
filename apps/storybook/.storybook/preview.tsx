import type { Preview } from '@storybook/react-vite';
import { withRapport } from '../src/support/decorators';

const preview: Preview = {
  parameters: {
    // Accessibility violations fail the story tests.
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
    options: {
      storySort: {
        order: ['Introduction', 'Cockpit', 'Concepts', 'Widgets', 'Hooks'],
      },
    },
  },
  // Toolbar switches for every story: the widgets' light/dark theme and the page direction.
  globalTypes: {
    theme: {
      description: 'Rapport theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr' },
  decorators: [withRapport],
  tags: ['autodocs'],
};

export default preview;
