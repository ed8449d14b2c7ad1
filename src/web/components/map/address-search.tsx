import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AddressAttribution, AddressHit } from "../../../contracts/addresses.ts";
import { searchAddresses } from "../../api/addresses/addresses.api.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { formatAddress, isSearchable } from "./address-format.ts";

/** How long typing must pause before a search is sent. */
const DEBOUNCE_MS = 250;
const MAX_SUGGESTIONS = 8;

type Search =
  | { state: "idle" }
  | { state: "searching" }
  | { state: "done"; items: AddressHit[]; attribution: AddressAttribution | null }
  | { state: "failed" };

/**
 * A text field for an address with suggestions from the city's address register, as the WAI-ARIA combobox
 * pattern (APG "list autocomplete"): typing suggests, Down and Up move through the list, Enter picks,
 * Escape closes it; the number of suggestions (or none) is announced politely. What is typed stays free
 * text: a resident may write an address the register does not know. Picking sets the text and calls
 * `onPick` with the address's point, so a page can put it on its map.
 */
export function AddressSearch({
  id,
  label,
  hint,
  value,
  onChange,
  onPick,
  attribution = null,
  maxLength = 300,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (text: string) => void;
  onPick: (hit: AddressHit, text: string) => void;
  /** The credit of addresses the page filled in itself (e.g. the nearest to a map point). */
  attribution?: AddressAttribution | null;
  maxLength?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const listId = useId();
  const [search, setSearch] = useState<Search>({ state: "idle" });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const [searchCredit, setCredit] = useState<AddressAttribution | null>(null);
  // Wherever the register's addresses are shown, their source is credited (CC BY 4.0).
  const credit = searchCredit ?? attribution;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  const items = search.state === "done" ? search.items : [];
  const optionId = (index: number) => `${listId}-o${index}`;

  function schedule(text: string) {
    clearTimeout(timer.current);
    inFlight.current?.abort();
    if (!isSearchable(text)) {
      setSearch({ state: "idle" });
      setOpen(false);
      setActive(-1);
      setAnnouncement("");
      return;
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      inFlight.current = controller;
      setSearch({ state: "searching" });
      searchAddresses(text, MAX_SUGGESTIONS, { locale, signal: controller.signal }).then(
        (result) => {
          if (controller.signal.aborted) return;
          setSearch({ state: "done", items: result.items, attribution: result.attribution });
          if (result.attribution) setCredit(result.attribution);
          setOpen(result.items.length > 0);
          setActive(-1);
          setAnnouncement(
            result.items.length > 0
              ? t("addressSearch.results", { count: result.items.length })
              : t("addressSearch.noResults"),
          );
        },
        () => {
          if (controller.signal.aborted) return;
          setSearch({ state: "failed" });
          setOpen(false);
          setAnnouncement(t("addressSearch.failed"));
        },
      );
    }, DEBOUNCE_MS);
  }

  function pick(hit: AddressHit) {
    const text = formatAddress(hit, locale);
    onChange(text);
    onPick(hit, text);
    setOpen(false);
    setActive(-1);
    setSearch({ state: "idle" });
    setAnnouncement(t("addressSearch.picked", { address: text }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (items.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (!open) {
        setOpen(true);
        setActive(step === 1 ? 0 : items.length - 1);
        return;
      }
      setActive((current) => {
        if (current < 0) return step === 1 ? 0 : items.length - 1;
        return (current + step + items.length) % items.length;
      });
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      const hit = items[active];
      if (hit) pick(hit);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const describedBy = [hint ? `${id}-hint` : "", credit ? `${id}-credit` : ""].filter(Boolean).join(" ");
  return (
    <div className="field address-search">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      <input
        id={id}
        className="input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy || undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          schedule(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(items.length > 0)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t("addressSearch.listLabel")}
        className="address-search__list"
        hidden={!open}
      >
        {items.map((hit, index) => (
          // Keyboard use goes through the field (aria-activedescendant), as the combobox pattern has it;
          // the options are reachable by pointer too, and programmatically focusable.
          // biome-ignore lint/a11y/useKeyWithClickEvents: the field's Down, Up and Enter are this option's keys.
          <div
            key={hit.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={`address-search__option${index === active ? " address-search__option--active" : ""}`}
            // Keeps the focus in the field, so the click picks instead of closing the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(hit)}
          >
            {formatAddress(hit, locale)}
            {hit.isExample ? (
              <span className="address-search__example"> ({t("addressSearch.example")})</span>
            ) : null}
          </div>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {search.state === "searching" ? (
        <p className="address-search__note" aria-hidden="true">
          {t("addressSearch.searching")}
        </p>
      ) : null}
      {search.state === "done" && search.items.length === 0 ? (
        <p className="address-search__note">{t("addressSearch.noResults")}</p>
      ) : null}
      {search.state === "failed" ? <p className="address-search__note">{t("addressSearch.failed")}</p> : null}
      {credit ? (
        <p id={`${id}-credit`} className="address-search__credit">
          {t("addressSearch.source", { text: credit.text, licence: credit.licence })}
        </p>
      ) : null}
    </div>
  );
}
