/**
 * The category axis of the dashboard's bar charts. Categories run down the side, one row each, so
 * every name is written out in full whatever the card's width: laid along the bottom, the chart
 * drops every other label once names ("Screening → Interview") are wider than their bars.
 */
export function categoryAxis(labels: readonly string[]) {
  return {
    scaleType: 'band' as const,
    data: [...labels],
    // As wide as the longest name (measured), so none is cut or dropped.
    width: 'auto' as const,
  };
}

/** Room for each category's row of bars (one bar per series), and for the value axis below. */
export function categoryChartHeight(categories: number, seriesCount: number): number {
  const row = Math.max(1, seriesCount) * 14 + 16;
  return Math.max(160, categories * row + 56);
}
