import type { ComponentProps, MouseEvent } from 'react';
import { useHistory } from './router-context';

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & { to: string };

/** Whether `to` is an address in this app (same origin), which the app can show itself. */
function isInApp(to: string): boolean {
  try {
    return new URL(to, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}

/**
 * A plain link that the app follows itself, without a page load. Anything the browser should
 * handle (a new tab, a download, a modified click, another site: pushState cannot go there)
 * is left to the browser.
 */
export function Link({ to, onClick, children, ...props }: LinkProps) {
  const history = useHistory();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (props.target && props.target !== '_self') ||
      props.download !== undefined ||
      !isInApp(to)
    )
      return;
    event.preventDefault();
    history.push(to);
  };
  return (
    <a href={to} onClick={follow} {...props}>
      {children}
    </a>
  );
}
