import { Box } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';

export interface BarSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** Bars of one or more series over the same categories, with a legend; numbers are in the card's table too. */
export function SeriesBarChart({
  categories,
  series,
  unit,
  horizontal,
}: {
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly unit?: string;
  readonly horizontal?: boolean;
}) {
  const band = { scaleType: 'band' as const, data: [...categories] };
  const allZero = series.every((each) => each.values.every((value) => !value));
  const scale = { min: 0, ...(allZero ? { max: 1 } : {}), ...(unit ? { label: unit } : {}) };
  return (
    <Box>
      <BarChart
        height={230}
        layout={horizontal ? 'horizontal' : 'vertical'}
        series={series.map((each) => ({ data: [...each.values], label: each.label }))}
        {...(horizontal
          ? { yAxis: [{ ...band, width: 100 }], xAxis: [scale] }
          : { xAxis: [band], yAxis: [scale] })}
        hideLegend={series.length < 2}
      />
    </Box>
  );
}
