import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    // Accessibility violations fail the story tests.
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: {
      storySort: {
        order: ['Introduction', 'Cockpit', 'Concepts', 'Widgets', 'Hooks'],
      },
    },
  },
  tags: ['autodocs'],
};

export default preview;
