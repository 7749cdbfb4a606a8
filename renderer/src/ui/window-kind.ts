import { isPipelineWindowQuery } from '#shared/bridge/desktop-bridge';

/**
 * Whether this window is a desktop pipeline window (opened from a job with "Open pipeline"). Read
 * once from the URL the window was opened with, so it holds while the window navigates.
 */
export const isPipelineWindow =
  typeof window !== 'undefined' && isPipelineWindowQuery(window.location.search);

/** The in-app route of the board this pipeline window was opened on. */
export const pipelineWindowHome = isPipelineWindow
  ? window.location.pathname.slice(import.meta.env.BASE_URL.replace(/\/$/, '').length) || '/'
  : null;
