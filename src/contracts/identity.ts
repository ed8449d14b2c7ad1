import Type, { type Static } from "typebox";
import { LOCALES, LocalizedText } from "./localized-text.ts";

/** The roles of the platform (issue 3); staff and organisation roles carry a scope (unit or organisation id). */
export const ROLES = ["resident", "organisation_rep", "staff", "interviewer", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = Type.Unsafe<Role>(Type.String({ enum: [...ROLES] }));

export const LocaleSchema = Type.Unsafe<(typeof LOCALES)[number]>(Type.String({ enum: [...LOCALES] }));

/** An e-mail address as accepted at registration (RFC 5321 length limits; a pragmatic shape check). */
export const Email = Type.String({
  minLength: 3,
  maxLength: 254,
  pattern: "^[^\\s@<>()\"',;:]+@[^\\s@<>()\"',;:]+\\.[^\\s@<>()\"',;:]{2,}$",
});

/** Passwords: at least 10 characters (NIST SP 800-63B allows any characters; we cap length against DoS). */
export const Password = Type.String({ minLength: 10, maxLength: 200 });

/** A role held by a person, with its scope ("" when the role has none). */
export const RoleGrant = Type.Object({
  role: RoleSchema,
  scope: Type.String({ maxLength: 80 }),
});
export type RoleGrant = Static<typeof RoleGrant>;

/** How a person became a verified resident. */
export const VERIFICATION_METHODS = ["oidc", "census", "in_person"] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** The signed-in person as they see themselves. Never contains the identity number. */
export const Me = Type.Object({
  id: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  emailVerified: Type.Boolean(),
  displayName: Type.String(),
  preferredLocale: LocaleSchema,
  roles: Type.Array(RoleGrant),
  hasPassword: Type.Boolean(),
  identified: Type.Boolean({ description: "Has identified strongly (OIDC) or been verified in person" }),
  verifiedResident: Type.Union([
    Type.Object({
      method: Type.Unsafe<VerificationMethod>(Type.String({ enum: [...VERIFICATION_METHODS] })),
      at: Type.String(),
    }),
    Type.Null(),
  ]),
  age: Type.Union([Type.Integer(), Type.Null()]),
});
export type Me = Static<typeof Me>;

/** GET /api/v1/auth/session: who is signed in (or nobody) and the CSRF token for writes. */
export const SessionInfo = Type.Object({
  person: Type.Union([Me, Type.Null()]),
  csrfToken: Type.String(),
  oidcAvailable: Type.Boolean(),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const RegisterRequest = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    preferredLocale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);
export type RegisterRequest = Static<typeof RegisterRequest>;

export const SignInRequest = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type SignInRequest = Static<typeof SignInRequest>;

export const TokenRequest = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 100, pattern: "^[A-Za-z0-9_-]+$" }) },
  { additionalProperties: false },
);

export const ResetRequest = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }) },
  { additionalProperties: false },
);

export const ResetConfirmRequest = Type.Object(
  { token: TokenRequest.properties.token, password: Password },
  { additionalProperties: false },
);

export const UpdateMeRequest = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    preferredLocale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

export const DeleteMeRequest = Type.Object(
  { confirm: Type.Literal("DELETE") },
  { additionalProperties: false, description: 'The person types "DELETE" to confirm' },
);

/** An accepted request whose result arrives by e-mail (same answer whether or not the address is known). */
export const Accepted = Type.Object({ status: Type.Literal("accepted") });

/** A person as the admin page lists them: no identity number, no password hash. */
export const PersonSummary = Type.Object({
  id: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.String(),
  roles: Type.Array(RoleGrant),
  verifiedResident: Type.Boolean(),
  createdAt: Type.String(),
});
export type PersonSummary = Static<typeof PersonSummary>;

export const GrantRoleRequest = Type.Object(
  { role: RoleSchema, scope: Type.Optional(Type.String({ maxLength: 80, pattern: "^[a-z0-9-]*$" })) },
  { additionalProperties: false },
);

export const VerifyInPersonRequest = Type.Object(
  {
    henkilotunnus: Type.String({ minLength: 11, maxLength: 11 }),
    servicePoint: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

/** One audit log entry: who, what, when, on what — never an identity number. */
export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  details: Type.Record(
    Type.String(),
    Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
  ),
  requestId: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const Organisation = Type.Object({
  id: Type.String(),
  name: Type.String(),
  yTunnus: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type Organisation = Static<typeof Organisation>;

export const CreateOrganisationRequest = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    yTunnus: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

/** A privacy notice (tietosuojaseloste) under GDPR arts. 13–14: one per register the platform keeps. */
export const PrivacyNotice = Type.Object({
  register: Type.String(),
  name: LocalizedText,
  sections: Type.Array(Type.Object({ heading: LocalizedText, body: LocalizedText })),
});
export type PrivacyNotice = Static<typeof PrivacyNotice>;
