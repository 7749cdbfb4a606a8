import type { Offer, OfferStatus } from '#shared/domain/application/application-schema';

export interface OfferFormValues {
  baseSalary: string;
  currency: string;
  bonusPct: string;
  equity: string;
  startDate: string;
  deadline: string;
  status: OfferStatus;
}

export const OFFER_FIELD_LABELS: Readonly<Record<string, string>> = {
  offer: 'Offer',
  baseSalary: 'Base salary',
  currency: 'Currency',
  bonusPct: 'Bonus (%)',
  equity: 'Equity',
  startDate: 'Start date',
  deadline: 'Deadline',
  status: 'Offer status',
};

export function offerToForm(offer: Offer | undefined): OfferFormValues {
  return {
    baseSalary: offer?.baseSalary.toString() ?? '',
    currency: offer?.currency ?? 'EUR',
    bonusPct: offer?.bonusPct?.toString() ?? '',
    equity: offer?.equity ?? '',
    startDate: offer?.startDate ?? '',
    deadline: offer?.deadline ?? '',
    status: offer?.status ?? 'draft',
  };
}

/** The offer the form describes; optional fields left empty are absent. */
export function formToOffer(values: OfferFormValues): Offer {
  const bonus = values.bonusPct.trim();
  return {
    baseSalary: Number(values.baseSalary.trim() || Number.NaN),
    currency: values.currency.trim().toUpperCase(),
    ...(bonus ? { bonusPct: Number(bonus) } : {}),
    ...(values.equity.trim() ? { equity: values.equity.trim() } : {}),
    ...(values.startDate ? { startDate: values.startDate } : {}),
    ...(values.deadline ? { deadline: values.deadline } : {}),
    status: values.status,
  };
}
