import { TextField } from '@mui/material';

/** The address of the sync server, asked with the email on the screens before the app. */
export function ServerAddressField({
  value,
  onChange,
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <TextField
      label="Server address"
      type="url"
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
      helperText="The sync server of your hiring team."
    />
  );
}
