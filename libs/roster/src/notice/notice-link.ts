import QRCode from 'qrcode';

/** The notice page's full address, as a union pins it on its board or sends it to a group chat. */
export function noticeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/notice/${encodeURIComponent(token)}`;
}

const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** A QR code of the address as an SVG document, drawn locally. */
export function noticeQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' });
}

/** The same QR code as a PNG, large enough to print on a notice. */
export function noticeQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width: 480 });
}
