import { useEffect, useId, useRef } from "react";

/**
 * The problems of a file import, as an error summary that takes focus after each attempt (`attempt` changes),
 * so that a keyboard or screen-reader user hears at once what to fix. Callers word each problem.
 */
export function ImportProblems({
  title,
  messages,
  attempt,
}: {
  title: string;
  messages: readonly string[];
  attempt: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows each attempt, not each render.
  useEffect(() => {
    if (messages.length > 0) ref.current?.focus();
  }, [attempt, messages.length]);
  if (messages.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h3 id={titleId} className="error-summary__title">
        {title}
      </h3>
      <ul className="error-summary__list">
        {messages.map((message, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several problems, in a fixed order.
          <li key={index}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
