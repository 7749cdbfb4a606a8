import { format } from 'date-fns';

/** The app's one date format: "2 Mar 2026". */
export const DATE_FORMAT = 'd MMM yyyy';
/** The app's one date-and-time format: "2 Mar 2026, 14:02". */
export const DATE_TIME_FORMAT = 'd MMM yyyy, HH:mm';

/** A date (ISO string or ms) as the app shows dates everywhere. */
export function formatDate(value: string | number | Date): string {
  return format(typeof value === 'string' ? Date.parse(value) : value, DATE_FORMAT);
}

/** A date and time as the app shows them everywhere. */
export function formatDateTime(value: string | number | Date): string {
  return format(typeof value === 'string' ? Date.parse(value) : value, DATE_TIME_FORMAT);
}

/** An amount of money in the person's locale: "€85,000". An unknown currency code shows as "85,000 XYZ". */
export function formatMoney(amount: number, currency: string | undefined, locale?: string): string {
  if (!currency) return new Intl.NumberFormat(locale).format(amount);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
  }
}

/** A salary range: "€85,000 – €105,000", "from €85,000", "up to €105,000", or null when none is given. */
export function formatSalaryRange(
  min: number | undefined,
  max: number | undefined,
  currency: string | undefined,
  locale?: string,
): string | null {
  if (min !== undefined && max !== undefined) {
    return `${formatMoney(min, currency, locale)} – ${formatMoney(max, currency, locale)}`;
  }
  if (min !== undefined) return `from ${formatMoney(min, currency, locale)}`;
  if (max !== undefined) return `up to ${formatMoney(max, currency, locale)}`;
  return null;
}
