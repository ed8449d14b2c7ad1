import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/**
 * A page module that could not be fetched: the network dropped, or a new deploy removed the old build's
 * files. Told apart from errors in a page's own code, because only a reload helps.
 */
export class PageLoadError extends Error {
  constructor(cause: unknown) {
    super("a page's code could not be loaded", { cause });
    this.name = "PageLoadError";
  }
}

// How many page modules are being fetched now, and who wants to know (the loading status).
let pendingLoads = 0;
const listeners = new Set<(isLoading: boolean) => void>();

// React.lazy starts the fetch while rendering; listeners are told in a microtask, because setting another
// component's state during a render is not allowed.
function notify(): void {
  queueMicrotask(() => {
    for (const listener of listeners) listener(pendingLoads > 0);
  });
}

/** Calls `listener` whenever page code starts or stops loading; returns the unsubscribe function. */
export function subscribePageLoads(listener: (isLoading: boolean) => void): () => void {
  listeners.add(listener);
  listener(pendingLoads > 0);
  return () => listeners.delete(listener);
}

/**
 * A page fetched on demand: `lazyPage(() => import("./x-page.tsx"), "XPage")` for a page module's named
 * export. Bundlers split at each `import()`, so the page's code is downloaded only when the page is shown.
 */
export function lazyPage<Module extends Record<Name, ComponentType>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  return lazy(async () => {
    pendingLoads++;
    notify();
    try {
      return { default: (await load())[name] };
    } catch (error) {
      throw new PageLoadError(error);
    } finally {
      pendingLoads--;
      notify();
    }
  });
}
