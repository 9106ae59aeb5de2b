import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RapportProvider, useFormatter } from './RapportProvider';
import { darkTheme, themeVariables, token } from './tokens';
import { displayText, safeHref } from '../internal/safe';
import { createFormatter } from '../internal/format';

function Amount({ value, locale }: { value: number; locale?: string }) {
  return <span data-testid="amount">{useFormatter(locale).number(value)}</span>;
}

describe('theming', () => {
  it('sets CSS variables on a display: contents wrapper, no global stylesheet', () => {
    const before = document.head.innerHTML;
    const { container } = render(
      <RapportProvider theme="dark">
        <span>child</span>
      </RapportProvider>,
    );
    const wrapper = container.firstElementChild as HTMLElement;
    expect(wrapper.style.display).toBe('contents');
    expect(wrapper.style.getPropertyValue('--rapport-bg')).toBe(darkTheme.bg);
    expect(document.head.innerHTML).toBe(before);
  });

  it('accepts brand tokens and falls back to the light theme in var()', () => {
    expect(themeVariables({ accent: '#ff0066' })).toEqual({ '--rapport-accent': '#ff0066' });
    expect(token('onAccent')).toBe('var(--rapport-on-accent, #ffffff)');
  });
});

describe('locale', () => {
  it('formats with the provider locale, and a widget locale wins', () => {
    render(
      <RapportProvider locale="de-DE">
        <Amount value={1234.5} />
      </RapportProvider>,
    );
    expect(screen.getByTestId('amount').textContent).toBe('1.234,5');
    expect(renderToString(<Amount value={1234.5} locale="en-US" />)).toContain('1,234.5');
  });

  it('never shows NaN', () => {
    const f = createFormatter('en-US');
    expect(f.number(Number.NaN)).toBe('—');
    expect(f.percent(Infinity)).toBe('—');
    expect(f.dateTime('not a date')).toBe('—');
    expect(f.relative(-3 * 3_600_000)).toBe('3 hours ago');
    expect(f.duration(3_725_000)).toBe('1h 2m');
  });
});

describe('hostile text helpers', () => {
  it('keeps only http(s) links', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('/relative')).toBeUndefined();
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
  });

  it('removes bidi overrides and bounds length', () => {
    expect(displayText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(displayText('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
