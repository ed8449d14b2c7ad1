import { describe, expect, it } from "vitest";
import { LOCALE_STORAGE_KEY, type LocaleStorage, readStoredLocale, storeLocale } from "./locale-storage.ts";

function memoryStorage(
  initial: Record<string, string> = {},
): LocaleStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

const blocked: LocaleStorage = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
};

describe("remembered locale", () => {
  it("is Finnish when nothing is stored, storage is missing or blocked", () => {
    expect(readStoredLocale(memoryStorage())).toBe("fi");
    expect(readStoredLocale(undefined)).toBe("fi");
    expect(readStoredLocale(blocked)).toBe("fi");
  });

  it("is the stored locale when it is a supported one", () => {
    expect(readStoredLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: "sv" }))).toBe("sv");
    expect(readStoredLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: "en" }))).toBe("en");
  });

  it("ignores an unsupported stored value", () => {
    expect(readStoredLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: "de" }))).toBe("fi");
    expect(readStoredLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: "" }))).toBe("fi");
  });

  it("is stored under its key, and a blocked storage does not throw", () => {
    const storage = memoryStorage();
    storeLocale(storage, "en");
    expect(storage.data[LOCALE_STORAGE_KEY]).toBe("en");
    expect(() => storeLocale(blocked, "sv")).not.toThrow();
  });
});
