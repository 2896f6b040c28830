// Validates every Grafana dashboard JSON against a JSON Schema generated offline from @grafana/schema's
// TypeScript types (type Dashboard in dist/types/raw/dashboard/x/types.gen.d.ts) with ts-json-schema-generator,
// checked by ajv. Usage: node validate.mjs [dashboard.json|dir ...]  (default: ../json). Exit 0 only if all pass.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createGenerator } from "ts-json-schema-generator";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const typesPath = join(here, "node_modules/@grafana/schema/dist/types/raw/dashboard/x/types.gen.d.ts");
const schema = createGenerator({ path: typesPath, type: "Dashboard", skipTypeCheck: true }).createSchema("Dashboard");

// The one relaxation: Grafana types AnnotationQuery.target as the built-in Grafana datasource's query
// (limit/matchAny/tags/type, commented "TODO.. this should just be a normal query target"); for any other
// datasource the target is that datasource's query (here InfluxQL: refId/query/rawQuery/resultFormat), exactly as
// panel targets are open objects. The four typed properties stay required; only extra properties are allowed.
schema.definitions.AnnotationTarget.additionalProperties = true;

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const targets = process.argv.length > 2 ? process.argv.slice(2) : [join(here, "../json")];
const files = targets.flatMap((t) => {
  const p = resolve(t);
  return statSync(p).isDirectory()
    ? readdirSync(p).filter((f) => f.endsWith(".json")).sort().map((f) => join(p, f))
    : [p];
});
if (files.length === 0) {
  console.error(`no dashboard JSON found in ${targets.join(", ")}`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  const dashboard = JSON.parse(readFileSync(file, "utf8"));
  if (validate(dashboard)) {
    console.log(`valid   ${file} (${(dashboard.panels ?? []).length} panels)`);
  } else {
    failed++;
    console.log(`INVALID ${file}`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
console.log(`${files.length - failed} valid, ${failed} invalid (schema: @grafana/schema ${JSON.parse(readFileSync(join(here, "node_modules/@grafana/schema/package.json"), "utf8")).version})`);
process.exit(failed === 0 ? 0 : 1);
