import type { CSSProperties, ReactNode } from 'react';

/** Shared look of the concept pages' forms (theme variables, so they follow light and dark). */
export const field: CSSProperties = {
  font: 'inherit',
  color: 'var(--rapport-fg)',
  background: 'var(--rapport-bg)',
  border: '1px solid var(--rapport-border)',
  borderRadius: 6,
  padding: '4px 6px',
};

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label style={{ display: 'grid', gap: 4, fontSize: 14 }}>
      <span style={{ fontWeight: 600 }}>{label}</span>
      {children}
    </label>
  );
}

export function Columns({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
        gap: 20,
        alignItems: 'start',
      }}
    >
      {children}
    </div>
  );
}
