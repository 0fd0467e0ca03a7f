// Copies the built files of the npm packages we serve into the static folder.
// The copies are generated (git-ignored), so nobody commits someone else's code.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "wsp_platform", "static", "vendor");
const files = {
  "htmx.min.js": "node_modules/htmx.org/dist/htmx.min.js",
  "chart.umd.min.js": "node_modules/chart.js/dist/chart.umd.min.js",
};
mkdirSync(target, { recursive: true });
for (const [name, source] of Object.entries(files)) {
  copyFileSync(join(root, source), join(target, name));
}
