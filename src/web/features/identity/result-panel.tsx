import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * What replaces a form once it has done its work ("check your e-mail", "password changed"). It takes the
 * focus, so that keyboard and screen-reader users land on the outcome rather than on nothing.
 */
export function ResultPanel({
  title,
  children,
  tone = "success",
}: {
  title: string;
  children: ReactNode;
  tone?: "success" | "info";
}) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      className={`result-panel result-panel--${tone}`}
    >
      <h2 id={titleId} className="result-panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
