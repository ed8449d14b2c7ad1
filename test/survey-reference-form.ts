// The questionnaire of shared/survey-reference's respondents (q1–q4) plus one open question, for the HTTP
// tests that import those respondents into rounds.

/** The reference questionnaire as staff would post it. */
export const REFERENCE_FORM = {
  key: "reference-form",
  title: { fi: "Viitelomake", en: "Reference form" },
  overallQuestion: "q1",
  questions: [
    {
      key: "q1",
      type: "likert5",
      text: { fi: "Tyytyväisyys" },
      required: false,
      satisfiedValues: ["4", "5"],
    },
    { key: "q2", type: "scale0to10", text: { fi: "Suosittelu" }, required: false },
    {
      key: "q3",
      type: "single",
      text: { fi: "Vapaaehtoistyö" },
      required: false,
      options: [
        { value: "yes", label: { fi: "kyllä" } },
        { value: "no", label: { fi: "ei" } },
      ],
    },
    {
      key: "q4",
      type: "single",
      text: { fi: "Tärkein palvelu" },
      required: false,
      options: ["health_social", "schools_daycare", "culture_sports", "streets_transport"].map((value) => ({
        value,
        label: { fi: value },
      })),
    },
    { key: "idea", type: "text", text: { fi: "Mitä minä voisin tehdä Heinolan hyväksi?" }, required: false },
  ],
};
