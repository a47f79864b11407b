/** The periodic check for new papers: one named alarm whose period follows the user's setting. */
import type { Settings } from '../settings';

export const CHECK_ALARM = 'watchlist-check';

/** Enrichment jobs in backoff (a failed fetch waits 1 min, 2 min, …) are retried by this alarm. */
export const RETRY_ALARM = 'enrichment-retry';
export const RETRY_MINUTES = 5;

export interface AlarmInfo { periodInMinutes?: number; scheduledTime: number }
export interface AlarmPlan { periodInMinutes: number; delayInMinutes: number }

/**
 * What to (re)create, or null when the existing alarm already has the right period. A new alarm
 * first fires one period from now, unless an existing one was due sooner (the period shrank):
 * then it keeps that time, so changing the setting never postpones a check that was due.
 */
export function checkAlarmPlan(settings: Settings, existing: AlarmInfo | undefined | null, now: number): AlarmPlan | null {
  const periodInMinutes = settings.watchlist.checkHours * 60;
  if (existing && existing.periodInMinutes === periodInMinutes) return null;
  const dueIn = existing ? Math.max(1, (existing.scheduledTime - now) / 60_000) : periodInMinutes;
  return { periodInMinutes, delayInMinutes: Math.min(periodInMinutes, dueIn) };
}
