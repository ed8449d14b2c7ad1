import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { loadModuleStrings, type ModuleWithStrings } from "../i18n/module-strings.ts";

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

/** A module whose pages are fetched on demand: one with strings of its own, or identity (whose are shared). */
export type PageModule = ModuleWithStrings | "identity";

/**
 * The pages of one module, each fetched on demand together with the module's strings:
 * `const survey = modulePages("survey")`, then `survey(() => import("…/x-page.tsx"), "XPage")` for a page
 * module's named export. Bundlers split at each `import()`, so a page's code is downloaded only when the
 * page is shown.
 */
export function modulePages(module: PageModule) {
  return <Module extends Record<Name, ComponentType>, Name extends keyof Module & string>(
    load: () => Promise<Module>,
    name: Name,
  ): LazyExoticComponent<Module[Name]> =>
    lazy(async () => {
      pendingLoads++;
      notify();
      try {
        const [page] = await Promise.all([
          load(),
          module === "identity" ? undefined : loadModuleStrings(module),
        ]);
        return { default: page[name] };
      } catch (error) {
        throw new PageLoadError(error);
      } finally {
        pendingLoads--;
        notify();
      }
    });
}
