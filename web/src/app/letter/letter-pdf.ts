import { jsPDF } from 'jspdf';

const MARGIN_MM = 20;
const A4_WIDTH_MM = 210;
const A4_HEIGHT_MM = 297;

/** The PDF's standard fonts cover Latin-1: the thin spaces of French number formats become plain spaces. */
const pdfText = (text: string) =>
  text
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The letter as an A4 PDF, from the text of the page's article: headings in bold, paragraphs and list items
 * wrapped to the width of the page, a new page when one is full. The same words as on screen and on paper.
 */
export function letterPdf(letter: HTMLElement): jsPDF {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4' });
  pdf.setProperties({ title: pdfText(letter.querySelector('h1')?.textContent ?? ''), creator: 'Octroi' });
  const width = A4_WIDTH_MM - 2 * MARGIN_MM;
  let y = MARGIN_MM;
  const write = (text: string, size: number, bold: boolean, indent = 0, after = 2) => {
    pdf.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(size);
    const lines = pdf.splitTextToSize(text, width - indent) as string[];
    const lineHeight = size * 0.45;
    for (const line of lines) {
      if (y + lineHeight > A4_HEIGHT_MM - MARGIN_MM) {
        pdf.addPage();
        y = MARGIN_MM;
      }
      pdf.text(line, MARGIN_MM + indent, y);
      y += lineHeight;
    }
    y += after;
  };
  for (const block of letter.querySelectorAll<HTMLElement>('h1, h2, p, li')) {
    // Paragraphs with line breaks (the lender's address, the signature) keep them.
    const parts = block.innerText.split('\n').map(pdfText).filter(Boolean);
    if (block.tagName === 'H1') write(parts.join(' '), 14, true, 0, 4);
    else if (block.tagName === 'H2') write(parts.join(' '), 11.5, true, 0, 1.5);
    else if (block.tagName === 'LI') write(`•  ${parts.join(' ')}`, 10, false, 4, 1.5);
    else parts.forEach((part, i) => write(part, 10, false, 0, i === parts.length - 1 ? 3 : 0.5));
  }
  return pdf;
}
