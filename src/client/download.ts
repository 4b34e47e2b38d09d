// Downloads of what the page shows: SVG as it is, PNG rendered from the SVG at twice the size, CSV as text.
/** Saves a blob under a file name through a temporary link (the one way browsers allow without a dialog). */
function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(filename: string, text: string, type: string): void {
  saveBlob(filename, new Blob([text], { type }));
}

export async function downloadPng(filename: string, svg: string, width: number, height: number): Promise<void> {
  const scale = 2;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob !== null) saveBlob(filename, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** One CSV field: text that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function csvField(f: string | number | null): string {
  if (f === null) return '';
  if (typeof f === 'number') return Number.isNaN(f) ? '' : String(f);
  const text = /^[=+\-@\t\r]/.test(f) ? `'${f}` : f;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV from rows of fields. */
export function toCsvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
