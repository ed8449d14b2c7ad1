import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { AgendaItem } from "../../../contracts/strategy.ts";
import { useLocalize } from "../../components/localized.ts";

/** A stable key for a list of texts that have no ids of their own. */
function textKey(text: LocalizedText, index: number): string {
  return `${index}:${text.fi}`;
}

/** A bulleted list of localized texts. */
export function TextList({ items, className }: { items: LocalizedText[]; className?: string }) {
  const localize = useLocalize();
  return (
    <ul className={className ?? "text-list"}>
      {items.map((item, index) => {
        const { text, lang } = localize(item);
        return (
          <li key={textKey(item, index)} lang={lang}>
            {text}
          </li>
        );
      })}
    </ul>
  );
}

/** A list of agenda lines with their sub-points, nested as on the strategy slides. */
export function AgendaList({ items }: { items: AgendaItem[] }) {
  const localize = useLocalize();
  return (
    <ul className="agenda-list">
      {items.map((item, index) => {
        const { text, lang } = localize(item.text);
        return (
          <li key={textKey(item.text, index)}>
            <span lang={lang}>{text}</span>
            {item.children.length > 0 ? (
              <TextList items={item.children} className="agenda-list__sub" />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
