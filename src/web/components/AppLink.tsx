import { type LinkProps, Link as RouterLink } from 'react-router';

/** A router link with the NL Design System link style. */
export function AppLink({ className, ...props }: LinkProps) {
  return <RouterLink {...props} className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} />;
}
