import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { MAX_PROPOSAL_IMAGE_BYTES } from "../../../contracts/budgeting.ts";
import { containsText, jpegWithMetadata, PLAIN_JPEG, png } from "../../lib/images/test-images.ts";

// Issue 5 §6: photos on proposals — upload and validation, metadata removal, how they are served, who sees
// the photos of a rejected proposal, and the proposer's data export and erasure.

const PASSWORD = "budgeting-images-password";
const START = new Date("2026-11-28T10:00:00Z");

const jpeg = (altText: string, bytes: Buffer = jpegWithMetadata(6)) => ({
  contentType: "image/jpeg",
  data: bytes.toString("base64"),
  altText,
});

describeEachDialect("budgeting proposal photos", (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let proposer: TestClient;
  let neighbour: TestClient;
  let proposerId = "";
  let roundId = "";
  let areaId = "";

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => START });
    const db = t.db.database.db;
    await buildPerson(db, { email: "staff@example.fi", password: PASSWORD, roles: [{ role: "staff" }] });
    proposerId = (await buildPerson(db, { email: "proposer@example.fi", password: PASSWORD })).id;
    await buildPerson(db, { email: "neighbour@example.fi", password: PASSWORD });
    staff = new TestClient(t.app, "192.0.2.170");
    proposer = new TestClient(t.app, "192.0.2.171");
    neighbour = new TestClient(t.app, "192.0.2.172");
    for (const [client, email] of [
      [staff, "staff@example.fi"],
      [proposer, "proposer@example.fi"],
      [neighbour, "neighbour@example.fi"],
    ] as const) {
      expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    }
    const round = await staff.post("/api/v1/budgeting/rounds", {
      title: { fi: "Kuvakierros" },
      description: { fi: "Ideoi kuvin." },
      ideasStart: "2026-11-01T00:00:00Z",
      reviewStart: "2026-12-01T00:00:00Z",
      votingStart: "2026-12-10T00:00:00Z",
      votingEnd: "2026-12-20T00:00:00Z",
      ballotType: "approval",
      minAge: 15,
      rule: "greedy",
      areas: [{ name: { fi: "Koko kaupunki" }, budget: 10000 }],
    });
    expect(round.statusCode).toBe(201);
    roundId = round.json().id;
    areaId = round.json().areas[0].id;
  });
  afterAll(() => t.close());

  const propose = (images: unknown[], client = proposer, headers: Record<string, string> = {}) =>
    client.post(
      `/api/v1/budgeting/rounds/${roundId}/proposals`,
      {
        areaId,
        title: "Penkki rantaan",
        description: "Penkki Jyrängönvirran rantaan katsomaan koskea.",
        language: "fi",
        images,
      },
      headers,
    );

  async function proposalCount(): Promise<number> {
    return (await t.app.inject(`/api/v1/budgeting/rounds/${roundId}/proposals`)).json().length;
  }

  let proposalId = "";
  let imageUrls: string[] = [];

  it("takes up to four photos with a proposal and serves them without the camera's metadata", async () => {
    const res = await propose([
      jpeg("Ranta ja vanha penkki"),
      { ...jpeg("Koski"), contentType: "image/png", data: png(true).toString("base64") },
    ]);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    proposalId = created.id;
    expect(created.images.map((i: { altText: string }) => i.altText)).toEqual([
      "Ranta ja vanha penkki",
      "Koski",
    ]);
    imageUrls = created.images.map((i: { url: string }) => i.url);

    const photo = await t.app.inject(imageUrls[0] ?? "");
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/jpeg");
    expect(photo.headers["x-content-type-options"]).toBe("nosniff");
    expect(photo.headers["cache-control"]).toBe("public, max-age=300");
    const bytes = photo.rawPayload;
    for (const secret of ["GPS-SECRET", "GPSLatitude", "Maija", "trailing secret"])
      expect(containsText(bytes, secret), secret).toBe(false);
    expect(containsText(jpegWithMetadata(6), "GPS-SECRET")).toBe(true);
    const second = await t.app.inject(imageUrls[1] ?? "");
    expect(second.headers["content-type"]).toBe("image/png");
    expect(second.rawPayload.equals(png(false))).toBe(true);

    // The browse list carries the photos too (for its thumbnails), in order.
    const list = (await t.app.inject(`/api/v1/budgeting/rounds/${roundId}/proposals`)).json();
    expect(list.find((p: { id: string }) => p.id === proposalId).images).toHaveLength(2);
  });

  it("refuses a wrong type, a false type, a broken file, a missing description and too many or too large photos", async () => {
    const before = await proposalCount();
    const gif = await propose([{ ...jpeg("Kuva"), contentType: "image/gif" }]);
    expect(gif.statusCode).toBe(400);
    expect(gif.headers["content-type"]).toContain("application/problem+json");

    const pngAsJpeg = await propose([{ ...jpeg("Kuva"), data: png(false).toString("base64") }], proposer, {
      "accept-language": "sv",
    });
    expect(pngAsJpeg.statusCode).toBe(400);
    expect(pngAsJpeg.json().detail).toContain("JPEG");
    expect(pngAsJpeg.json().detail).toContain("Bilden");
    expect(pngAsJpeg.json().errors?.[0]?.path).toBe("/body/images/0/data");

    const broken = await propose([jpeg("Kuva", PLAIN_JPEG.subarray(0, 200))]);
    expect(broken.statusCode).toBe(400);

    const blankAlt = await propose([jpeg("   ")]);
    expect(blankAlt.statusCode).toBe(400);
    const noAlt = await propose([{ contentType: "image/jpeg", data: PLAIN_JPEG.toString("base64") }]);
    expect(noAlt.statusCode).toBe(400);

    const five = await propose(Array.from({ length: 5 }, (_, i) => jpeg(`Kuva ${i + 1}`, PLAIN_JPEG)));
    expect(five.statusCode).toBe(400);

    // One byte over the limit: the schema lets it through (base64 has room), the service refuses it.
    const huge = Buffer.concat([PLAIN_JPEG, Buffer.alloc(MAX_PROPOSAL_IMAGE_BYTES + 1 - PLAIN_JPEG.length)]);
    const tooBig = await propose([jpeg("Iso kuva", huge)]);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.headers["content-type"]).toContain("application/problem+json");

    expect(await proposalCount()).toBe(before);
  });

  it("lets staff add and remove photos during review, up to four, and nobody else", async () => {
    const url = `/api/v1/budgeting/proposals/${proposalId}/images`;
    expect((await proposer.post(url, jpeg("Oma lisäkuva"))).statusCode).toBe(403);
    expect((await t.app.inject({ method: "POST", url, payload: jpeg("Nimetön") })).statusCode).toBe(401);
    const added = await staff.post(url, jpeg("Kaupungin kuva paikasta", PLAIN_JPEG));
    expect(added.statusCode).toBe(201);
    expect(added.json().images).toHaveLength(3);
    const extra = await staff.post(url, jpeg("Toinen kaupungin kuva", PLAIN_JPEG));
    expect(extra.statusCode).toBe(201);
    const over = await staff.post(url, jpeg("Viides kuva", PLAIN_JPEG));
    expect(over.statusCode).toBe(400);
    const removeId = extra.json().images[3].id;
    expect((await proposer.delete(`${url}/${removeId}`)).statusCode).toBe(403);
    const removed = await staff.delete(`${url}/${removeId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().images).toHaveLength(3);
    expect((await t.app.inject(`/api/v1/budgeting/images/${removeId}`)).statusCode).toBe(404);
  });

  it("withdraws the photos of a rejected proposal from the public, not from staff or the proposer", async () => {
    const reviewed = await staff.post(`/api/v1/budgeting/proposals/${proposalId}/review`, {
      status: "rejected",
      reason: { fi: "Ranta on yksityistä maata." },
    });
    expect(reviewed.statusCode).toBe(200);
    const publicDetail = (await t.app.inject(`/api/v1/budgeting/proposals/${proposalId}`)).json();
    expect(publicDetail.status).toBe("rejected");
    expect(publicDetail.images).toEqual([]);
    const publicList = (await t.app.inject(`/api/v1/budgeting/rounds/${roundId}/proposals`)).json();
    expect(publicList.find((p: { id: string }) => p.id === proposalId).images).toEqual([]);
    expect((await neighbour.get(`/api/v1/budgeting/proposals/${proposalId}`)).json().images).toEqual([]);

    const anonymous = await t.app.inject(imageUrls[0] ?? "");
    expect(anonymous.statusCode).toBe(404);
    expect(anonymous.headers["content-type"]).toContain("application/problem+json");
    expect((await neighbour.get(imageUrls[0] ?? "")).statusCode).toBe(404);

    const own = await proposer.get(imageUrls[0] ?? "");
    expect(own.statusCode).toBe(200);
    expect(own.headers["cache-control"]).toBe("private, no-store");
    expect((await proposer.get(`/api/v1/budgeting/proposals/${proposalId}`)).json().images).toHaveLength(3);
    expect((await staff.get(imageUrls[1] ?? "")).statusCode).toBe(200);
    expect(
      (await t.app.inject("/api/v1/budgeting/images/0190aaaa-0000-7000-8000-000000000000")).statusCode,
    ).toBe(404);
  });

  it("exports the proposer's photos and deletes them when the account is erased; the city's photo stays", async () => {
    const exported = (await proposer.get("/api/v1/me/data")).json();
    const images = exported.budgeting.images as { proposalId: string; altText: string; data: string }[];
    expect(images.map((i) => i.altText)).toEqual(["Ranta ja vanha penkki", "Koski"]);
    expect(images.every((i) => i.proposalId === proposalId)).toBe(true);
    expect(containsText(Buffer.from(images[0]?.data ?? "", "base64"), "GPS-SECRET")).toBe(false);

    expect((await proposer.delete("/api/v1/me", { confirm: "DELETE" })).statusCode).toBe(204);
    const left = await t.db.database.db
      .selectFrom("budgetingImage")
      .select(["addedBy", "altText"])
      .where("proposalId", "=", proposalId)
      .execute();
    expect(left.map((i) => i.altText)).toEqual(["Kaupungin kuva paikasta"]);
    expect(left.some((i) => i.addedBy === proposerId)).toBe(false);
  });
});
