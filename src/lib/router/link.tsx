import type { ComponentProps, MouseEvent } from 'react';
import { useHistory } from './router-context';

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & { to: string };

/**
 * A plain link that the app follows itself, without a page load. Anything the browser should
 * handle (a new tab, a download, a modified click) is left to the browser.
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
      props.download !== undefined
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
