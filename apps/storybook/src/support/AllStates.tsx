import type { ReactNode } from 'react';
import { Frame } from './decorators';

export interface StateExample {
  name: string;
  node: ReactNode;
}

/**
 * Every state of a widget, each under its name, then examples in the dark theme and right to left.
 * Used by the `AllStates` story of each widget (with `parameters.rapportFrame: false`). Widgets that are
 * landmarks need a different accessible name in each example (as two gauges on one real page would).
 */
export function AllStatesGrid({
  states,
  dark,
  rtl,
  columns = 2,
}: {
  states: StateExample[];
  /** The dark-theme example. */
  dark: ReactNode;
  /** The right-to-left example. */
  rtl: ReactNode;
  columns?: number;
}) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gap: 12,
        alignItems: 'start',
      }}
    >
      {states.map((state) => (
        <Frame key={state.name} caption={state.name}>
          {state.node}
        </Frame>
      ))}
      <Frame caption="Dark theme" theme="dark">
        {dark}
      </Frame>
      <Frame caption="Right to left" dir="rtl">
        {rtl}
      </Frame>
    </div>
  );
}
