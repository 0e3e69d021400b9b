import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// The charts' font ships with the app as an npm package (Noto Sans, SIL Open Font License 1.1),
// so a picture is drawn with the same glyphs on a laptop and in the Docker image, and never
// with whatever fonts the host has. resvg reads TrueType files, which this package carries.

export const FONT_PACKAGE = '@expo-google-fonts/noto-sans';
const FILES = ['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'];

let cached: string[] | null = null;

/** Absolute paths of the font files charts are drawn with; a clear error when they are missing. */
export function chartFontFiles(): string[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const paths = FILES.map((f) => {
    const id = `${FONT_PACKAGE}/${f}`;
    try {
      const path = require.resolve(id);
      if (existsSync(path)) return path;
    } catch {
      // reported below
    }
    throw new Error(`chart font ${id} is missing: install the dependencies (npm ci) so that ${FONT_PACKAGE} is in node_modules`);
  });
  cached = paths;
  return paths;
}
