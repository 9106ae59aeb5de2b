import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fillNodes, UserText } from './ui';

describe('fillNodes', () => {
  it('puts nodes in a template, keeps unknown placeholders and inherited names as text', () => {
    const { container } = render(
      <p>
        {fillNodes('Hi {who}, {constructor} {missing}!', {
          who: <UserText text={'da\u202Ena'} />,
        })}
      </p>,
    );
    expect(container.textContent).toBe('Hi dana, {constructor} {missing}!');
    const bdi = container.querySelector('bdi')!;
    expect(bdi.getAttribute('dir')).toBe('auto');
    expect(bdi.textContent).toBe('dana');
  });

  it('renders a template without placeholders as it is', () => {
    const { container } = render(<p>{fillNodes('Plain', {})}</p>);
    expect(container.textContent).toBe('Plain');
  });
});
