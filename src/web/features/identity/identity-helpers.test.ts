import { describe, expect, it } from "vitest";
import { auditCsvHref, auditQuery, oidcStartHref } from "../../api/identity/identity.api.ts";
import { auditFiltersFor } from "./admin-audit-page.tsx";
import {
  emailError,
  formatDateTime,
  helsinkiDayStart,
  identificationError,
  isValidScope,
  looksLikeHenkilotunnus,
  newPasswordError,
  nextCalendarDay,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  safeReturnPath,
  signInHref,
  validateRegistration,
} from "./identity-helpers.ts";

describe("the registration form's checks", () => {
  it("take the password limits from the contract", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(PASSWORD_MAX_LENGTH).toBe(200);
  });

  it("accept a complete form", () => {
    expect(
      validateRegistration({
        displayName: "Sanni",
        email: "sanni@esimerkki.fi",
        password: "kirjasto-kahvila",
      }),
    ).toEqual({});
  });

  it("name every missing field", () => {
    expect(validateRegistration({ displayName: " ", email: "", password: "" })).toEqual({
      displayName: { key: "displayNameRequired" },
      email: { key: "emailRequired" },
      password: { key: "passwordRequired" },
    });
  });

  it("check the e-mail address's shape as the API does", () => {
    expect(emailError("sanni@esimerkki.fi")).toBeUndefined();
    expect(emailError("  sanni@esimerkki.fi ")).toBeUndefined();
    for (const bad of [
      "sanni",
      "sanni@",
      "sanni@esimerkki",
      "san ni@esimerkki.fi",
      "<s>@esimerkki.fi",
      "a@b.c",
    ]) {
      expect(emailError(bad), bad).toEqual({ key: "emailInvalid" });
    }
    expect(emailError(`${"a".repeat(250)}@esimerkki.fi`)).toEqual({ key: "emailInvalid" });
  });

  it("check the password's length and that it is not the e-mail address", () => {
    expect(newPasswordError("123456789", null)).toEqual({ key: "passwordTooShort", values: { min: 10 } });
    expect(newPasswordError("1234567890", null)).toBeUndefined();
    expect(newPasswordError("x".repeat(201), null)).toEqual({ key: "passwordTooLong", values: { max: 200 } });
    expect(newPasswordError("Sanni@Esimerkki.fi", "sanni@esimerkki.fi")).toEqual({ key: "passwordIsEmail" });
    expect(
      validateRegistration({ displayName: "x".repeat(101), email: "a@b.fi", password: "a@b.fi" }),
    ).toEqual({
      displayName: { key: "displayNameTooLong", values: { max: 100 } },
      password: { key: "passwordTooShort", values: { min: 10 } },
    });
  });
});

describe("the in-person and role forms' checks", () => {
  it("let through henkilötunnus shapes of every century sign, and nothing else", () => {
    for (const code of [
      "131052-308T",
      "010594Y9032",
      "010594Y9021",
      "020516C903K",
      "150690-951d",
      "010100+123H",
    ]) {
      expect(looksLikeHenkilotunnus(code), code).toBe(true);
    }
    for (const code of ["131052308T", "131052-308", "131052G308T", "131052-308G", "1310522-308T", ""]) {
      expect(looksLikeHenkilotunnus(code), code).toBe(false);
    }
  });

  it("accept scopes the API accepts", () => {
    expect(isValidScope("kirjasto")).toBe(true);
    expect(isValidScope("01a22253-cbcc-77fe-b942-cea5f7d54a05")).toBe(true);
    expect(isValidScope("")).toBe(false);
    expect(isValidScope("Kirjasto")).toBe(false);
    expect(isValidScope("kirjasto!")).toBe(false);
    expect(isValidScope("a".repeat(81))).toBe(false);
  });
});

describe("where sign-in returns to", () => {
  it("keeps same-site paths of the app", () => {
    expect(safeReturnPath("/admin/people")).toBe("/admin/people");
    expect(safeReturnPath("/programmes/demokratia?x=1")).toBe("/programmes/demokratia?x=1");
  });

  it("sends anything else to the profile", () => {
    for (const value of [
      null,
      undefined,
      "",
      "profile",
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "/api/v1/me/data",
      "/sign-in?returnTo=/sign-in",
      `/${"a".repeat(200)}`,
    ]) {
      expect(safeReturnPath(value), String(value)).toBe("/profile");
    }
  });

  it("links to the sign-in page with a return path only when there is one worth keeping", () => {
    expect(signInHref("/admin/audit")).toBe("/sign-in?returnTo=%2Fadmin%2Faudit");
    expect(signInHref("/profile")).toBe("/sign-in");
    expect(signInHref("//evil.example")).toBe("/sign-in");
    expect(signInHref()).toBe("/sign-in");
  });

  it("starts strong identification with the return path, and asks to link when signed in", () => {
    expect(oidcStartHref("/profile")).toBe("/api/v1/auth/oidc/start?returnTo=%2Fprofile");
    expect(oidcStartHref("/profile", true)).toBe("/api/v1/auth/oidc/start?returnTo=%2Fprofile&link=true");
  });

  it("knows the reasons the identification callback gives", () => {
    expect(identificationError("identity_taken")).toBe("identity_taken");
    expect(identificationError("identification_expired")).toBe("identification_expired");
    expect(identificationError("<script>")).toBe("unknown");
    expect(identificationError("")).toBeUndefined();
    expect(identificationError(null)).toBeUndefined();
  });
});

describe("days in Finnish time", () => {
  it("start at midnight in Helsinki, in winter and in summer", () => {
    expect(helsinkiDayStart("2026-01-15")).toBe("2026-01-14T22:00:00.000Z");
    expect(helsinkiDayStart("2026-07-01")).toBe("2026-06-30T21:00:00.000Z");
  });

  it("start right on the days the clocks change (at 03:00 and 04:00, after midnight)", () => {
    expect(helsinkiDayStart("2026-03-29")).toBe("2026-03-28T22:00:00.000Z");
    expect(helsinkiDayStart("2026-03-30")).toBe("2026-03-29T21:00:00.000Z");
    expect(helsinkiDayStart("2026-10-25")).toBe("2026-10-24T21:00:00.000Z");
    expect(helsinkiDayStart("2026-10-26")).toBe("2026-10-25T22:00:00.000Z");
  });

  it("refuse what is not a calendar day", () => {
    for (const value of ["", "2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "tomorrow"]) {
      expect(helsinkiDayStart(value), value).toBeUndefined();
    }
  });

  it("step to the next day across months and years", () => {
    expect(nextCalendarDay("2026-02-28")).toBe("2026-03-01");
    expect(nextCalendarDay("2028-02-28")).toBe("2028-02-29");
    expect(nextCalendarDay("2026-12-31")).toBe("2027-01-01");
  });

  it("show an instant in Helsinki time", () => {
    expect(formatDateTime("2026-06-30T21:30:05.000Z", "en")).toBe("01/07/2026, 00:30:05");
    expect(formatDateTime("2026-01-14T22:30:05.000Z", "fi")).toBe("15.1.2026 klo 0.30.05");
  });
});

describe("audit filters", () => {
  it("turn a day range into whole Helsinki days, the end day included", () => {
    expect(auditFiltersFor({ from: "2026-11-01", to: "2026-11-28", action: "role.granted" })).toEqual({
      from: "2026-10-31T22:00:00.000Z",
      to: "2026-11-28T22:00:00.000Z",
      action: "role.granted",
    });
    expect(auditFiltersFor({ from: "", to: "", action: "" })).toEqual({
      from: undefined,
      to: undefined,
      action: undefined,
    });
  });

  it("go into the query and the CSV link alike, empty ones left out", () => {
    expect(auditQuery({})).toBe("");
    expect(auditQuery({ action: "auth.sign_in", from: undefined })).toBe("?action=auth.sign_in");
    expect(auditCsvHref({ from: "2026-10-31T22:00:00.000Z", action: "role.granted" })).toBe(
      "/api/v1/admin/audit.csv?from=2026-10-31T22%3A00%3A00.000Z&action=role.granted",
    );
  });
});
