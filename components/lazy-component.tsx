/**
 * A component whose code arrives by dynamic `import()`, in a chunk of its own, so a page's start-up
 * script holds only what paints first (issue 8's popup budget). It renders nothing until the code is
 * in; `preload()` starts the import early (once, shared by every instance) so that a page can wait for
 * it before showing the state that needs it, and the component then renders at once.
 */
import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = FunctionComponent<P> & { preload(): Promise<ComponentType<P>> };

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Lazy = (props: P) => {
    const [component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (component) return;
      let current = true;
      void preload().then((c) => current && setComponent(() => c));
      return () => {
        current = false;
      };
    }, [component]);
    return component ? h(component as ComponentType<object>, props) : null;
  };
  return Object.assign(Lazy, { preload });
}
