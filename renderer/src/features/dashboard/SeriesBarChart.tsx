import { Box } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { categoryAxis, categoryChartHeight } from './category-axis';

export interface BarSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/**
 * Bars of one or more series over the same categories, one row per category, with a legend; numbers
 * are in the card's table too.
 */
export function SeriesBarChart({
  categories,
  series,
  unit,
}: {
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly unit?: string;
}) {
  const allZero = series.every((each) => each.values.every((value) => !value));
  const scale = { min: 0, ...(allZero ? { max: 1 } : {}), ...(unit ? { label: unit } : {}) };
  return (
    <Box>
      <BarChart
        height={categoryChartHeight(categories.length, series.length) + (unit ? 20 : 0)}
        layout="horizontal"
        series={series.map((each) => ({ data: [...each.values], label: each.label }))}
        yAxis={[categoryAxis(categories)]}
        xAxis={[scale]}
        hideLegend={series.length < 2}
      />
    </Box>
  );
}
