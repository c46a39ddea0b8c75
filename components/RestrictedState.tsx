import type { Restriction } from '@/utils/restricted-url';
import { LockIcon } from './icons';
import { StatusPanel } from './StatusPanel';

export interface RestrictedStateProps {
  restriction: Restriction;
}

/** A page the browser keeps closed to extensions: why, and what to do instead. */
export function RestrictedState({ restriction }: RestrictedStateProps) {
  return (
    <StatusPanel testId="state-restricted" tone="neutral" icon={<LockIcon />} title={restriction.title}>
      <p data-kind={restriction.kind}>{restriction.detail}</p>
    </StatusPanel>
  );
}
