import { expect, test } from "@playwright/test";
import { axeScan } from "./support.ts";

// The specs' own axe runner (support.ts) must find what axe finds: a page with known faults proves that a
// clean result elsewhere means something.
test("the axe runner reports violations, undecided contrast and only what lies within `include`", async ({
  page,
}) => {
  await page.setContent(`<!doctype html><html lang="fi"><head><title>Vikoja</title></head><body>
    <main>
      <h1>Vikoja</h1>
      <p style="color:#bbb;background:#fff">Liian vaalea teksti</p>
      <div id="kuva"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div>
      <p id="liuku" style="color:#777;background-image:linear-gradient(#000,#fff)">Teksti liukuvärin päällä</p>
    </main></body></html>`);
  const ids = (await axeScan(page)).map((finding) => finding.id).sort();
  // Colour contrast appears twice: once as a violation, once undecided (text over a gradient).
  expect(ids).toEqual(["color-contrast", "color-contrast", "image-alt"]);
  const inside = await axeScan(page, "#kuva");
  expect(inside.map((finding) => finding.id)).toEqual(["image-alt"]);
  expect(inside[0]?.nodes[0]?.target).toEqual(["img"]);
});
