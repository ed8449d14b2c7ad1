import { type APIRequestContext, expect, test } from "@playwright/test";
import type { StrategyTree } from "../src/contracts/strategy.ts";
import { programmePath } from "../src/contracts/web-routes.ts";
import { fetchStrategy, LOCALES, type Locale, startInLocale, visit } from "./support.ts";

/** The page of the strategy's first goal, if there is one. */
async function firstGoalPath(request: APIRequestContext): Promise<string[]> {
  const response = await request.get("/api/v1/strategy/tree");
  const tree = (await response.json()) as StrategyTree;
  const goal = tree.programmes.flatMap((p) => p.goals)[0];
  return goal ? [`/strategy/goals/${goal.id}`] : [];
}

// Every page of the app in every language, checked with axe for WCAG 2.1 A and AA (zero violations), and
// with no script error or Content-Security-Policy violation in the console (the server's CSP has no
// 'unsafe-inline'). The only expected console errors are the 404s of the not-found paths themselves.
// One test per group of pages and language, so that the groups run in parallel and none outgrows its time.
type PageGroup = { name: string; paths: (locale: Locale, request: APIRequestContext) => Promise<string[]> };

const GROUPS: PageGroup[] = [
  {
    name: "front, programmes and identity",
    paths: async (locale, request) => {
      const { programmes } = await fetchStrategy(request, locale);
      return [
        "/",
        ...programmes.map((p) => programmePath(p.slug)),
        programmePath("ei-tallaista-ohjelmaa"),
        "/accessibility",
        "/ei-ole",
        // The identity pages as someone signed out sees them; identity-*.spec.ts check their other states
        // (errors, signed in, the administration pages) with axe as well.
        "/sign-in",
        "/register",
        "/verify-email",
        "/forgot-password",
        "/reset-password?token=0123456789abcdefghijABCDEFGHIJ",
        "/privacy",
        "/profile",
      ];
    },
  },
  {
    name: "strategy and feedback",
    paths: async (_locale, request) => [
      // Strategy follow-up pages that strategy-*.spec.ts visit only in Finnish; the staff desk signed out.
      "/strategy/report",
      "/strategy/staff",
      ...(await firstGoalPath(request)),
      // Feedback (issue 6): the resident pages, an unknown request, and the handler pages signed out;
      // feedback.spec.ts checks them filled in, with a request, and as a handler.
      "/feedback",
      "/feedback/new",
      "/feedback/figures",
      "/feedback/requests/zzzz-zzzz",
      "/feedback/handling",
      "/feedback/handling/0190aaaa-0000-7000-8000-000000000000",
      // feedback-services.spec.ts checks them signed in as staff, filled in and with errors.
      "/feedback/handling/services",
      "/feedback/handling/services/new",
    ],
  },
  {
    name: "volunteering and budgeting",
    paths: async () => [
      // Volunteering as someone signed out sees it; volunteering.spec.ts checks the signed-in states.
      "/volunteering",
      "/volunteering/opportunities",
      "/volunteering/me",
      "/volunteering/confirm",
      "/volunteering/suggestions-off",
      "/volunteering/organisations",
      "/volunteering/staff",
      // Participatory budgeting as someone signed out sees it; budgeting-vote.spec.ts checks a round's pages.
      "/budgeting",
      "/budgeting/staff",
      // The propose page signed out (the sign-in gate); budgeting-propose.spec.ts checks it filled in.
      "/budgeting/rounds/0190aaaa-0000-7000-8000-000000000000/propose",
    ],
  },
  {
    name: "survey",
    paths: async () => [
      // The survey's pages as someone signed out sees them; survey.spec.ts checks the interview and results.
      "/survey",
      "/survey/answer",
      "/survey/interview",
      "/survey/staff",
      // The questionnaire builder and the rounds desk signed out; survey-builder.spec.ts and
      // survey-rounds.spec.ts check them as staff.
      "/survey/staff/questionnaires",
      "/survey/staff/questionnaires/new",
      "/survey/staff/rounds",
      "/survey/staff/rounds/esimerkki",
    ],
  },
];

// Every group in every language, one test each (they run in parallel on the workers).
for (const locale of LOCALES) {
  for (const group of GROUPS) {
    test(`axe finds nothing on the ${group.name} pages in ${locale}`, async ({ page, request }) => {
      test.setTimeout(180_000);
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        if (/status of 404/.test(msg.text())) return;
        problems.push(`console: ${msg.text()}`);
      });
      if (locale !== "fi") await startInLocale(page, locale);
      for (const path of await group.paths(locale, request)) {
        await visit(page, path, `${path} (${locale})`);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
      }
      expect(problems).toEqual([]);
    });
  }
}
