import { Box, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { categoryAxis, categoryChartHeight } from './category-axis';

export interface CountBar {
  readonly label: string;
  readonly value: number;
}

/** A bar chart, one row per category, with its numbers also written out (readable without the picture). */
export function CountBarChart({ bars, unit }: { readonly bars: readonly CountBar[]; readonly unit: string }) {
  const labels = bars.map((bar) => bar.label);
  const values = bars.map((bar) => bar.value);
  // Counts: whole-number ticks, and a 0–1 scale rather than "0.0…" ticks when everything is zero.
  const count = { min: 0, tickMinStep: 1, ...(values.every((value) => value === 0) ? { max: 1 } : {}) };
  return (
    <Box>
      <BarChart
        height={categoryChartHeight(labels.length, 1)}
        layout="horizontal"
        series={[{ data: values, label: unit }]}
        yAxis={[categoryAxis(labels)]}
        xAxis={[count]}
        hideLegend
      />
      <Stack
        component="ul"
        direction="row"
        sx={{ flexWrap: 'wrap', gap: 1.5, listStyle: 'none', p: 0, m: 0 }}
      >
        {bars.map((bar) => (
          <Typography component="li" variant="body2" key={bar.label}>
            {bar.label}: <strong>{bar.value}</strong>
          </Typography>
        ))}
      </Stack>
    </Box>
  );
}
