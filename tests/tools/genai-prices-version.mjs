// The installed @pydantic/genai-prices must be the version whose data is vendored (the SOURCE file
// of data/genai-prices/): the differential tests compare against the same data. Returns that
// version; exits with status 1 when they differ.
import fs from 'node:fs';

export function requireVendoredVersion(sourcePath) {
  const vendored = /^version: (.+)$/m.exec(fs.readFileSync(sourcePath, 'utf8'))[1];
  const installed = JSON.parse(
    fs.readFileSync(new URL('./node_modules/@pydantic/genai-prices/package.json', import.meta.url), 'utf8'),
  ).version;
  if (installed !== vendored) {
    console.error(`installed @pydantic/genai-prices ${installed} is not the vendored ${vendored}`);
    process.exit(1);
  }
  return installed;
}
