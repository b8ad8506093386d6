import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes a file under its final name only once complete, so no reader ever sees half of one. */
async function writeAtomically(dir: string, file: string, bytes: Buffer): Promise<void> {
  const tmp = path.join(dir, `.${file}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path.join(dir, file));
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes media files into the media folder. Writing a name again replaces it whole: every name
 * says what its bytes are (content hash, crop, focal point, width), so a second write is the same file.
 */
export async function writeMediaFiles(dir: string, files: readonly { file: string; bytes: Buffer }[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map((f) => writeAtomically(dir, f.file, f.bytes)));
}
