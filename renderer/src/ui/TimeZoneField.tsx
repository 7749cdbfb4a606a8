import { Autocomplete, TextField } from '@mui/material';

const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

interface TimeZoneFieldProps {
  readonly label: string;
  /** The chosen IANA zone; null when none is chosen (only where `onClear` is given). */
  readonly value: string | null;
  readonly onChange: (zone: string) => void;
  /** Offered where choosing no zone means something (e.g. a candidate: the organisation's). */
  readonly onClear?: () => void;
  readonly helperText?: string;
}

/** A picker of the IANA time zones this runtime knows, typed to search ("Berl…"). */
export function TimeZoneField({ label, value, onChange, onClear, helperText }: TimeZoneFieldProps) {
  const clear = onClear;
  if (clear) {
    return (
      <Autocomplete
        options={TIME_ZONES}
        value={value}
        onChange={(_event, zone) => (zone ? onChange(zone) : clear())}
        renderInput={(params) => <TextField {...params} label={label} helperText={helperText} />}
        sx={{ maxWidth: 360 }}
      />
    );
  }
  return (
    <Autocomplete
      options={TIME_ZONES}
      value={value ?? TIME_ZONES[0] ?? 'UTC'}
      disableClearable
      onChange={(_event, zone) => onChange(zone)}
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} />}
      sx={{ maxWidth: 360 }}
    />
  );
}
