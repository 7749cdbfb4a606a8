import { Box, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';

export interface CountBar {
  readonly label: string;
  readonly value: number;
}

/** A bar chart with its numbers also written out (readable without the picture). */
export function CountBarChart({
  bars,
  unit,
  horizontal,
}: {
  readonly bars: readonly CountBar[];
  readonly unit: string;
  readonly horizontal?: boolean;
}) {
  const labels = bars.map((bar) => bar.label);
  const values = bars.map((bar) => bar.value);
  const band = { scaleType: 'band' as const, data: labels };
  // Counts: whole-number ticks, and a 0–1 scale rather than "0.0…" ticks when everything is zero.
  const count = { min: 0, tickMinStep: 1, ...(values.every((value) => value === 0) ? { max: 1 } : {}) };
  return (
    <Box>
      <BarChart
        height={220}
        layout={horizontal ? 'horizontal' : 'vertical'}
        series={[{ data: values, label: unit }]}
        {...(horizontal
          ? { yAxis: [{ ...band, width: 90 }], xAxis: [count] }
          : { xAxis: [band], yAxis: [count] })}
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
