import { useEffect, useState } from 'preact/hooks';
import type { Profile } from '@/lib/schema';

export const POLL_MS = 1500;

/** While the background is still fetching for this profile, ask again every POLL_MS so numbers fill in live. */
export function isFilling(profile: Profile | null): boolean {
  const e = profile?.enrichment;
  return !!e && e.pending > 0 && !e.offline;
}

export function useLiveProfile(initial: Profile | null, poll: (() => Promise<Profile | null>) | undefined): Profile | null {
  const [profile, setProfile] = useState(initial);
  useEffect(() => setProfile(initial), [initial]);
  useEffect(() => {
    if (!poll || !isFilling(profile)) return;
    const timer = setTimeout(() => {
      poll().then((next) => next && setProfile(next), () => {});
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [profile, poll]);
  return profile;
}
