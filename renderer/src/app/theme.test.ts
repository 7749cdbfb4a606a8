import { describe, expect, it } from 'vitest';
import { theme } from './theme';

/** An `#rrggbb` or `rgba(r, g, b, a)` colour laid over an opaque `#rrggbb` background, as RGB. */
function over(colour: string, background: string): [number, number, number] {
  const hex = (value: string): [number, number, number] =>
    [1, 3, 5].map((at) => parseInt(value.slice(at, at + 2), 16)) as [number, number, number];
  const base = hex(background);
  const rgba = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)$/.exec(colour);
  if (!rgba) return hex(colour);
  const alpha = Number(rgba[4]);
  return [1, 2, 3].map((index, channel) => Number(rgba[index]) * alpha + base[channel]! * (1 - alpha)) as [
    number,
    number,
    number,
  ];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of `colour` over `background`. */
function contrast(colour: string, background: string): number {
  const [a, b] = [luminance(over(colour, background)), luminance(over(background, background))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The surfaces text sits on: pages and cards, and the board's grey columns. */
const SURFACES = ['#ffffff', '#f1f3f7'];

describe('the theme meets WCAG AA', () => {
  it.each(SURFACES)('secondary text, the warning colour and links read at 4.5:1 on %s', (surface) => {
    const { palette } = theme;
    expect(contrast(palette.text.secondary, surface)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(palette.warning.main, surface)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(palette.primary.main, surface)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(palette.error.main, surface)).toBeGreaterThanOrEqual(4.5);
  });

  it('draws a clear outline around a navigation item focused from the keyboard', () => {
    const overrides = theme.components?.MuiListItemButton?.styleOverrides?.root;
    const styles = typeof overrides === 'function' ? overrides({ theme, ownerState: {} }) : overrides;
    expect(JSON.stringify(styles)).toContain('"&.Mui-focusVisible":{"outline":"3px solid #3949ab"');
  });
});
