// The w:date every comment of one run carries. It must not be the clock: annotating the annotated
// copy again has to give the same bytes. So it is the date of the draft the findings are about:
// SOURCE_DATE_EPOCH when set (reproducible builds), else the document's own last-modified date
// (docProps/core.xml), else its creation date, else the zip timestamp of the main document part.
import { ZipArchive } from "../../readers/docx/zip.js";
import { decodePart } from "../../readers/docx/xml.js";

/** W3CDTF as Word writes it in w:date: seconds, no fraction, UTC. */
function w3c(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function fromCore(zip: ZipArchive): Date | undefined {
  const bytes = zip.read("docProps/core.xml");
  if (!bytes) return undefined;
  const xml = decodePart(bytes, "docProps/core.xml");
  for (const tag of ["dcterms:modified", "dcterms:created"]) {
    const m = new RegExp(`<${tag}\\b[^>]*>([^<]+)</${tag}>`).exec(xml);
    const d = m ? new Date(m[1]!.trim()) : undefined;
    if (d && !Number.isNaN(d.getTime()) && d.getTime() > 0) return d;
  }
  return undefined;
}

/** MS-DOS date and time of a zip entry's local header (local time of the producer; taken as UTC). */
function fromZipEntry(bytes: Uint8Array, zip: ZipArchive, name: string): Date | undefined {
  const e = zip.entries.get(name);
  if (!e) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const time = view.getUint16(e.localHeaderOffset + 10, true);
  const date = view.getUint16(e.localHeaderOffset + 12, true);
  if (!date) return undefined;
  return new Date(Date.UTC(1980 + (date >> 9), ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2));
}

export function commentDate(bytes: Uint8Array, zip: ZipArchive, documentPart: string, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return w3c(new Date(Number(epoch) * 1000));
  return w3c(fromCore(zip) ?? fromZipEntry(bytes, zip, documentPart) ?? new Date(Date.UTC(1980, 0, 1)));
}
