import type { ParseKeys } from "i18next";
import { type ChangeEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../form.tsx";
import { type PhotoProblem, type PreparedPhoto, preparePhoto } from "./prepare-photo.ts";
import "./photo.css";

/** A photo picked in a form, with the description its sender wrote for people who cannot see it. */
export type AttachedPhoto = PreparedPhoto & { key: number; alt: string };

/** Why the last pick was refused: a file problem, or more photos than the form takes. */
export type PhotoFieldsProblem = PhotoProblem | "count";

/** A catalogue prefix that holds the photo texts (every module that takes photos has one such group). */
export type PhotoTextKey = ParseKeys extends infer K
  ? K extends `${infer Prefix}.photosLegend`
    ? Prefix
    : never
  : never;

/** The id of a photo's description field, for error summaries that link to it. */
export function photoAltFieldId(id: string, photo: AttachedPhoto): string {
  return `${id}-alt-${photo.key}`;
}

/**
 * Picking photos in a form: a file input (JPEG or PNG, prepared in the browser by preparePhoto), a preview of
 * each photo with its description field and a remove button. The texts come from the calling module's
 * catalogue under `textKey` (photosLegend, photosLabel, photosHint, photosPreparing, photoPreviewAlt,
 * photoAlt, photoAltHint, photoRemove, photoErrors.{type,size,unreadable,count}), so each form speaks of its
 * own subject; `altErrors` marks description fields the form found wanting (by photo key).
 */
export function PhotoFields({
  id,
  textKey,
  max,
  photos,
  setPhotos,
  problem,
  setProblem,
  altErrors = {},
  altRequired = false,
  className,
  legendClassName,
}: {
  id: string;
  textKey: PhotoTextKey;
  max: number;
  photos: AttachedPhoto[];
  setPhotos: (update: (photos: AttachedPhoto[]) => AttachedPhoto[]) => void;
  problem: PhotoFieldsProblem | undefined;
  setProblem: (problem: PhotoFieldsProblem | undefined) => void;
  altErrors?: Readonly<Record<number, string>>;
  altRequired?: boolean;
  className?: string;
  legendClassName?: string;
}) {
  const { t } = useTranslation();
  // Every key below exists under each PhotoTextKey (the catalogue check keeps the groups complete).
  const text = (suffix: string, values?: Record<string, number>) =>
    t(`${textKey}.${suffix}` as ParseKeys, values ?? {});
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(1);

  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = "";
    if (files.length === 0) return;
    setProblem(undefined);
    const room = max - photos.length;
    if (files.length > room) setProblem("count");
    setBusy(true);
    const added: AttachedPhoto[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      const prepared = await preparePhoto(file);
      if (typeof prepared === "string") setProblem(prepared);
      else added.push({ ...prepared, key: nextKey.current++, alt: "" });
    }
    setBusy(false);
    setPhotos((current) => [...current, ...added].slice(0, max));
  }

  const error = problem ? text(`photoErrors.${problem}`, { max }) : undefined;
  return (
    <fieldset className={className}>
      <legend className={legendClassName}>{text("photosLegend")}</legend>
      <div className={`field${error ? " field--error" : ""}`}>
        <label htmlFor={id} className="field__label">
          {text("photosLabel", { max })}
        </label>
        <div id={`${id}-hint`} className="field__hint">
          {text("photosHint")}
        </div>
        {error ? (
          <p id={`${id}-error`} className="field__error">
            <span className="visually-hidden">{t("forms.errorPrefix")} </span>
            {error}
          </p>
        ) : null}
        <input
          id={id}
          type="file"
          accept="image/jpeg,image/png"
          multiple
          disabled={photos.length >= max}
          className="photo-fields__file"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          onChange={(event) => void onFiles(event)}
        />
      </div>
      <p role="status" className={busy ? "loading-status" : "visually-hidden"}>
        {busy ? text("photosPreparing") : ""}
      </p>
      {photos.length > 0 ? (
        <ul className="photo-list">
          {photos.map((photo, index) => (
            <li key={photo.key}>
              <img
                src={photo.dataUrl}
                alt={photo.alt || text("photoPreviewAlt", { number: index + 1 })}
                className="photo-list__image"
              />
              <TextField
                id={photoAltFieldId(id, photo)}
                label={text("photoAlt", { number: index + 1 })}
                hint={text("photoAltHint")}
                value={photo.alt}
                maxLength={300}
                required={altRequired}
                error={altErrors[photo.key]}
                onChange={(event) => {
                  const alt = event.target.value;
                  setPhotos((current) => current.map((p) => (p.key === photo.key ? { ...p, alt } : p)));
                }}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setPhotos((current) => current.filter((p) => p.key !== photo.key))}
              >
                {text("photoRemove", { number: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/**
 * Photos as a page shows them, each with its description as alternative text (or a numbered fallback);
 * `lang` names the language the descriptions were written in, when it can differ from the page's.
 */
export function PhotoList({
  photos,
  fallbackAlt,
  lang,
}: {
  photos: readonly { id: string; url: string; altText: string | null }[];
  fallbackAlt: (number: number) => string;
  lang?: string;
}) {
  if (photos.length === 0) return null;
  return (
    <ul className="photo-list">
      {photos.map((photo, index) => (
        <li key={photo.id}>
          <img
            src={photo.url}
            alt={photo.altText ?? fallbackAlt(index + 1)}
            lang={photo.altText === null ? undefined : lang}
            className="photo-list__image"
          />
        </li>
      ))}
    </ul>
  );
}
