// qrcode is loaded on first use (a notice page), not at start-up: ~8 MB of resident memory saved per process.
const qrcode = () => import('qrcode').then((m) => m.default);

/** The notice page's full address, as a union pins it on its board or sends it to a group chat. */
export function noticeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/notice/${encodeURIComponent(token)}`;
}

const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** A QR code of the address as an SVG document, drawn locally. */
export async function noticeQrSvg(url: string): Promise<string> {
  return (await qrcode()).toString(url, { ...QR_OPTIONS, type: 'svg' });
}

/** The same QR code as a PNG, large enough to print on a notice. */
export async function noticeQrPng(url: string): Promise<Buffer> {
  return (await qrcode()).toBuffer(url, { ...QR_OPTIONS, type: 'png', width: 480 });
}
