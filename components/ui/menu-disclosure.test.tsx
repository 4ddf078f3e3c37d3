import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MenuDisclosure } from './menu-disclosure';

describe('MenuDisclosure', () => {
  it('starts folded: the button says so and controls the hidden panel', () => {
    const html = renderToStaticMarkup(
      <MenuDisclosure label="Menu" buttonClassName="lg:hidden" panelClassName="lg:flex">
        <a href="/admin">Dashboard</a>
      </MenuDisclosure>,
    );
    const button = /<button type="button" aria-expanded="false" aria-controls="([^"]+)" class="[^"]* lg:hidden">/.exec(html);
    expect(button).not.toBeNull();
    expect(html).toContain(`<div id="${button![1]}" class="hidden lg:flex"><a href="/admin">Dashboard</a></div>`);
    expect(html).toMatch(/<\/svg>Menu<\/button>/);
  });
});
