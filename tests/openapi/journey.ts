// The journey of API.md written against a client generated from the served document alone (openapi-typescript types,
// openapi-fetch calls): no hand-written request, no cast. Run by tests/Silo.Tests/OpenApi against a real Silo.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api.js";

const baseUrl = process.env.SV_BASE_URL ?? "";
const adminKey = process.env.SV_ADMIN_KEY ?? "";
if (!baseUrl || !adminKey) {
  throw new Error("Set SV_BASE_URL and SV_ADMIN_KEY.");
}

type Client = ReturnType<typeof createClient<paths>>;
const client = (key?: string): Client =>
  createClient<paths>({ baseUrl, headers: key ? { Authorization: `Bearer ${key}` } : {} });

/** The answer's body, or an error naming the status and the problem details. */
async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) {
    throw new Error(`${response.status} ${response.url}: ${JSON.stringify(error)}`);
  }
  return data;
}

function expect(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`Expected ${what}`);
  }
}

const admin = client(adminKey);
const now = new Date();
const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;

// Organisations and the keys the journey acts with.
const council = await ok(admin.POST("/api/organisations", {
  body: { id: "ts-council", name: "Typescript Borough Council", type: "LocalAuthority", place: "Wirral" },
}));
const supplier = await ok(admin.POST("/api/organisations", {
  body: { id: "ts-supplier", name: "Typed Care Ltd", type: "BusinessAndIndustry", place: "Wirral" },
}));
const key = async (role: "Officer" | "Champion" | "Supplier", organisationId: string): Promise<Client> =>
  client((await ok(admin.POST("/api/keys", { body: { name: `${role} of ${organisationId}`, role, organisationId } }))).key);
const officer = await key("Officer", council.id);
const champion = await key("Champion", council.id);
const supplierKey = await key("Supplier", supplier.id);
const applicant = await key("Officer", supplier.id);

// Maturity: an assessment of the ten dimensions, and the plan it gives.
const model = await ok(officer.GET("/api/maturity/model"));
const assessed = await ok(officer.PUT("/api/organisations/{id}/maturity", {
  params: { path: { id: council.id } },
  body: {
    dimensions: model.dimensions.map((d): components["schemas"]["DimensionRequest"] => ({ code: d.code, present: "Follower", target: "Mature" })),
  },
}));
expect(assessed.dimensions.length === 10, "ten assessed dimensions");
const dimension = await ok(officer.GET("/api/organisations/{id}/maturity/dimensions/{code}/transitions", {
  params: { path: { id: council.id, code: "A" } },
}));
expect(dimension.state === "Follower", "dimension A at Follower");
const plan = await ok(officer.GET("/api/organisations/{id}/maturity/action-plan", {
  params: { path: { id: council.id }, query: { format: "csv" } },
  parseAs: "text",
}));
expect(plan.length > 0, "an action plan as CSV");

// A framework of the council's own, its measure valued by a formula, checked and evaluated.
const check = await ok(admin.POST("/api/formulas/check", { body: { source: "Quantity * 1000" } }));
expect(check.ok && check.diagnostics.length === 0, "the formula compiles");
const framework = await ok(admin.POST("/api/frameworks", { body: { id: "ts-framework", name: "Typed social value" } }));
const theme = await ok(admin.POST("/api/frameworks/{id}/themes", { params: { path: { id: framework.id } }, body: { id: "jobs", name: "Jobs" } }));
const outcome = await ok(admin.POST("/api/frameworks/{id}/themes/{themeId}/outcomes", {
  params: { path: { id: framework.id, themeId: theme.id } },
  body: { id: "local-jobs", name: "More local people in work" },
}));
const measure = await ok(admin.POST("/api/frameworks/{id}/measures", {
  params: { path: { id: framework.id } },
  body: { id: "new-jobs", themeId: theme.id, outcomeId: outcome.id, title: "New local jobs", unit: "FTE", formula: "Quantity * 1000" },
}));
const evaluated = await ok(officer.POST("/api/frameworks/{id}/measures/{measureId}/evaluate", {
  params: { path: { id: framework.id, measureId: measure.id } },
  body: { quantity: 2 },
}));
expect(evaluated.value === 2000, "2 jobs valued at £2,000");
await ok(officer.PUT("/api/organisations/{id}/framework", { params: { path: { id: council.id } }, body: { frameworkId: framework.id } }));

// A contract through the commissioning cycle.
const contract = await ok(officer.POST("/api/contracts", {
  body: { id: "ts-contract", organisationId: council.id, title: "Home care", value: 1_000_000, frameworkId: framework.id },
}));
const id = contract.id;
const fire = (body: paths["/api/contracts/{id}/transitions"]["post"]["requestBody"]["content"]["application/json"]) =>
  ok(officer.POST("/api/contracts/{id}/transitions", { params: { path: { id } }, body }));
await fire({ trigger: "AnalyseNeeds" });
await fire({ trigger: "Consult" });
await fire({ trigger: "Specify" });
await ok(officer.PUT("/api/contracts/{id}/specification", {
  params: { path: { id } },
  body: { outcomeIds: [outcome.id], measureIds: [measure.id] },
}));
await ok(officer.PUT("/api/contracts/{id}/tender", { params: { path: { id } }, body: { socialValueWeighting: 0.2 } }));
const tendering = await fire({ trigger: "PublishTender" });
expect(tendering.state === "Tendering", "the contract tendering");
const bid = await ok(officer.POST("/api/contracts/{id}/bids", {
  params: { path: { id } },
  body: {
    id: "typed-bid",
    supplier: supplier.name,
    supplierOrganisationId: supplier.id,
    price: 900_000,
    commitments: [{ measureId: measure.id, target: 12 }],
    answers: { delivery: "Local recruitment", measurement: "Payroll postcodes" },
  },
}));
await ok(officer.POST("/api/contracts/{id}/bids", {
  params: { path: { id } },
  body: { supplier: "Other Care Ltd", price: 800_000, commitments: [], answers: { delivery: "None", measurement: "None" } },
}));
const blocked = await ok(officer.GET("/api/contracts/{id}/transitions", { params: { path: { id } } }));
expect(blocked.permitted.some((p) => p.trigger === "CloseTender" && p.to === "Evaluation"), "CloseTender permitted");
await fire({ trigger: "CloseTender" });
await ok(officer.PUT("/api/contracts/{id}/bids/{bidId}/scores", {
  params: { path: { id, bidId: bid.id } },
  body: { delivery: 4, measurement: 5 },
}));
const ranked = await ok(officer.GET("/api/contracts/{id}/bids", { params: { path: { id } } }));
expect(ranked.length === 2, "two bids listed");
await fire({ trigger: "Award", bidId: bid.id });
const live = await fire({ trigger: "GoLive" });
expect(live.state === "Live", "the contract live");
const diagram = await ok(officer.GET("/api/contracts/{id}/workflow", { params: { path: { id } }, parseAs: "text" }));
expect(diagram.includes("Tendering"), "a Mermaid diagram");

// The winning supplier's return, verified by the commissioner; social value and performance read.
const submitted = await ok(supplierKey.POST("/api/contracts/{id}/returns", {
  params: { path: { id } },
  body: { period: quarter, lines: [{ measureId: measure.id, quantity: 3, evidence: "Payroll extract" }] },
}));
const verified = await ok(officer.PUT("/api/contracts/{id}/returns/{returnId}/verification", {
  params: { path: { id, returnId: submitted.id } },
  body: { accepted: true, comment: "Checked against payroll" },
}));
expect(verified.status === "Accepted", "the return accepted");
const value = await ok(supplierKey.GET("/api/contracts/{id}/social-value", { params: { path: { id } } }));
expect(value.measures.some((m) => m.measureId === measure.id && m.deliveredValue === 3000), "£3,000 delivered on the measure");
await ok(officer.GET("/api/contracts/{id}/performance", { params: { path: { id } } }));
await ok(officer.GET("/api/organisations/{id}/report", { params: { path: { id: council.id }, query: { year: now.getUTCFullYear() } } }));

// A Kite Mark application with evidence for every theme and must-do, submitted, reviewed and awarded.
const application = await ok(applicant.POST("/api/kitemark/applications", {
  body: { organisationId: supplier.id, awardingBodyId: council.id, consentToPublish: false },
}));
const scheme = await ok(applicant.GET("/api/kitemark/schemes/{id}", { params: { path: { id: application.schemeId } } }));
const evidenceIds: string[] = [];
for (const theme of scheme.themes) {
  for (const criterion of theme.criteria.filter((c, i) => c.mustDo || i === 0)) {
    const evidence = await ok(applicant.POST("/api/kitemark/applications/{id}/evidence", {
      params: { path: { id: application.id } },
      body: { criterionId: criterion.id, description: `How we meet ${criterion.id}`, link: "https://example.org/evidence" },
    }));
    evidenceIds.push(evidence.id);
  }
}
await ok(applicant.PUT("/api/kitemark/applications/{id}/consent", { params: { path: { id: application.id } }, body: { consentToPublish: true } }));
const fireApplication = (as: Client, trigger: "Submit" | "StartReview" | "Award") =>
  ok(as.POST("/api/kitemark/applications/{id}/transitions", { params: { path: { id: application.id } }, body: { trigger } }));
await fireApplication(applicant, "Submit");
await fireApplication(champion, "StartReview");
for (const evidenceId of evidenceIds) {
  await ok(champion.PUT("/api/kitemark/applications/{id}/evidence/{evidenceId}/review", {
    params: { path: { id: application.id, evidenceId } },
    body: { accepted: true, comment: "Meets the criterion" },
  }));
}
const awarded = await fireApplication(champion, "Award");
expect(awarded.state === "Awarded" && awarded.validUntil !== null, "the application awarded");
const register = await ok(client().GET("/api/kitemark/register"));
expect(register.some((h) => h.applicationId === application.id), "the holder on the public register");

console.log(`journey done: contract ${live.state}, application ${awarded.state}`);
