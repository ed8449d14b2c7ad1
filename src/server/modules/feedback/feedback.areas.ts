import type { FeedbackArea } from "../../../contracts/feedback.ts";

// Areas for filtering the public list without a map: the city centre and four sectors around it, as
// boxes in WGS84. Approximate on purpose (the city's own district polygons can replace them); together
// they cover Heinola's land area, so every located request falls in exactly one (boxes share only edges).

/** The areas, centre first. */
export const AREAS: readonly FeedbackArea[] = [
  {
    code: "keskusta",
    name: { fi: "Keskusta", sv: "Centrum", en: "City centre" },
    bbox: "61.19,26,61.22,26.07",
  },
  {
    code: "pohjoinen",
    name: { fi: "Pohjoinen Heinola", sv: "Norra Heinola", en: "Northern Heinola" },
    bbox: "61.22,25.7,61.45,26.5",
  },
  {
    code: "ita",
    name: { fi: "Itäinen Heinola", sv: "Östra Heinola", en: "Eastern Heinola" },
    bbox: "61.19,26.07,61.22,26.5",
  },
  {
    code: "etela",
    name: {
      fi: "Eteläinen Heinola (mm. Vierumäki)",
      sv: "Södra Heinola (bl.a. Vierumäki)",
      en: "Southern Heinola (incl. Vierumäki)",
    },
    bbox: "61,25.7,61.19,26.5",
  },
  {
    code: "lansi",
    name: { fi: "Läntinen Heinola", sv: "Västra Heinola", en: "Western Heinola" },
    bbox: "61.19,25.7,61.22,26",
  },
];
